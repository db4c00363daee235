// Purpose: one page of :Household nodes matching the filter, ordered by id (keyset pagination: ids after $after).
//          Places are joined through the id properties, not the edges, so the answer does not depend on the order
//          a seed wrote its rows in (upsertMany draws an edge only when its target already exists).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $villageId, $townshipId, $marker, $ageBand, $synthetic,
//             $creditOfficerId (borrowers of that credit officer, through the BORROWS_FROM edge linkHouseholds draws)
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Household)
WHERE n.id > $after
  AND ($villageId IS NULL OR n.villageId = $villageId)
  AND ($townshipId IS NULL OR EXISTS { MATCH (v:Village {id: n.villageId}) WHERE v.townshipId = $townshipId })
  AND ($marker IS NULL OR $marker IN n.markers)
  AND ($ageBand IS NULL OR $ageBand IN n.memberAgeBands)
  AND ($synthetic IS NULL OR n.synthetic = $synthetic)
  AND ($creditOfficerId IS NULL OR EXISTS { MATCH (n)-[:BORROWS_FROM]->(:Person {id: $creditOfficerId}) })
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
