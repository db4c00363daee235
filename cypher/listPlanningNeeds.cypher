// Purpose: one page of OPEN needs with what planAllocations reads of each and of its household, and nothing else
//          (GraphStore.listPlanningNeeds): no description, no head of household, no contact. The household by its
//          indexed id (every need has one; the OF_HOUSEHOLD edge is missing when the need was written first); the
//          township filter through the reference edges, as listNeeds filters it (cypher/filters/Need.cypher).
// Parameters: $after: last need id of the previous page ('' for the first page), $limit: page size + 1,
//             $townshipId, $category (null: not filtered on)
// Returns: one row of columns, each a list in need-id order (one Bolt record per page, not one per need: decoding
//          100,000 records cost planAllocations seconds): ids, householdIds, categories, urgencies, createdAts,
//          updatedAts (the needs'); found (whether the household exists), villageIds, scores, ageBands, markers,
//          officers (its loan's credit officer, '' without a loan) of the household ('' / 0 / [] when missing).
//          collect() after ORDER BY keeps the order; coalesce keeps every list the same length (collect drops nulls).
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
WITH n, h
ORDER BY n.id
RETURN collect(n.id) AS ids,
       collect(n.householdId) AS householdIds,
       collect(n.category) AS categories,
       collect(n.urgency) AS urgencies,
       collect(n.createdAt) AS createdAts,
       collect(n.updatedAt) AS updatedAts,
       collect(h IS NOT NULL) AS found,
       collect(coalesce(h.villageId, '')) AS villageIds,
       collect(coalesce(h.vulnerabilityScore, 0.0)) AS scores,
       collect(coalesce(h.memberAgeBands, [])) AS ageBands,
       collect(coalesce(h.markers, [])) AS markers,
       collect(coalesce(h.loanOfficerId, '')) AS officers
