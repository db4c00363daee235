// Purpose: one page of :Need nodes matching the filter, ordered by id (keyset pagination: ids after $after).
//          Places are joined through the id properties, not the edges, so the answer does not depend on the order
//          a seed wrote its rows in (upsertMany draws an edge only when its target already exists).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $householdId, $villageId, $townshipId, $category, $status, $urgency
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Need)
WHERE n.id > $after
  AND ($householdId IS NULL OR n.householdId = $householdId)
  AND ($villageId IS NULL OR EXISTS { MATCH (h:Household {id: n.householdId}) WHERE h.villageId = $villageId })
  AND ($townshipId IS NULL OR EXISTS {
    MATCH (h:Household {id: n.householdId}), (v:Village {id: h.villageId})
    WHERE v.townshipId = $townshipId
  })
  AND ($category IS NULL OR n.category = $category)
  AND ($status IS NULL OR n.status = $status)
  AND ($urgency IS NULL OR n.urgency = $urgency)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
