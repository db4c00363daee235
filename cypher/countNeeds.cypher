// Purpose: how many :Need nodes match the filter (a page's totalCount).
//          Places are joined through the id properties, not the edges, so the answer does not depend on the order
//          a seed wrote its rows in (upsertMany draws an edge only when its target already exists).
// Parameters: filter (null = any): $householdId, $villageId, $townshipId, $category, $status, $urgency
// Returns: total
// Mode: READ
MATCH (n:Need)
WHERE ($householdId IS NULL OR n.householdId = $householdId)
  AND ($villageId IS NULL OR EXISTS { MATCH (h:Household {id: n.householdId}) WHERE h.villageId = $villageId })
  AND ($townshipId IS NULL OR EXISTS {
    MATCH (h:Household {id: n.householdId}), (v:Village {id: h.villageId})
    WHERE v.townshipId = $townshipId
  })
  AND ($category IS NULL OR n.category = $category)
  AND ($status IS NULL OR n.status = $status)
  AND ($urgency IS NULL OR n.urgency = $urgency)
RETURN count(n) AS total
