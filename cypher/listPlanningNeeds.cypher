// Purpose: one page of OPEN needs with what planAllocations reads of each and of its household, and nothing else
//          (GraphStore.listPlanningNeeds): no description, no head of household, no contact. The household by its
//          indexed id (every need has one; the OF_HOUSEHOLD edge is missing when the need was written first); the
//          township filter through the reference edges, as listNeeds filters it (cypher/filters/Need.cypher).
// Parameters: $after: last need id of the previous page ('' for the first page), $limit: page size + 1,
//             $townshipId, $category (null: not filtered on)
// Returns: id, householdId, category, urgency, createdAt, updatedAt (the need's), household (null when missing:
//          id, villageId, vulnerabilityScore, memberAgeBands, markers, loanJson); ordered by need id
// Mode: READ
MATCH (n:Need)
WHERE n.id > $after
  AND n.status = 'OPEN'
  AND ($category IS NULL OR n.category = $category)
  AND ($townshipId IS NULL OR EXISTS {
    (n)-[:OF_HOUSEHOLD]->(:Household)-[:LIVES_IN]->(:Village)-[:IN_TOWNSHIP]->(:Township {id: $townshipId})
  })
WITH n
ORDER BY n.id
LIMIT $limit
OPTIONAL MATCH (h:Household {id: n.householdId})
RETURN n.id AS id,
       n.householdId AS householdId,
       n.category AS category,
       n.urgency AS urgency,
       n.createdAt AS createdAt,
       n.updatedAt AS updatedAt,
       CASE WHEN h IS NULL THEN null ELSE h {.id, .villageId, .vulnerabilityScore, .memberAgeBands, .markers, .loanJson} END AS household
ORDER BY id
