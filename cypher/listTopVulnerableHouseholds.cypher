// Purpose: the most vulnerable households (stored vulnerabilityScore > 0), highest score first, ties by id.
//          Places are joined through the id properties, not the edges, so the answer does not depend on the order
//          a seed wrote its rows in (upsertMany draws an edge only when its target already exists).
// Parameters: $limit, filter (null = any): $villageId, $townshipId, $marker, $ageBand, $synthetic,
//             $creditOfficerId (borrowers of that credit officer, through the BORROWS_FROM edge linkHouseholds draws)
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Household)
WHERE n.vulnerabilityScore > 0
  AND ($villageId IS NULL OR n.villageId = $villageId)
  AND ($townshipId IS NULL OR EXISTS { MATCH (v:Village {id: n.villageId}) WHERE v.townshipId = $townshipId })
  AND ($marker IS NULL OR $marker IN n.markers)
  AND ($ageBand IS NULL OR $ageBand IN n.memberAgeBands)
  AND ($synthetic IS NULL OR n.synthetic = $synthetic)
  AND ($creditOfficerId IS NULL OR EXISTS { MATCH (n)-[:BORROWS_FROM]->(:Person {id: $creditOfficerId}) })
RETURN properties(n) AS props
ORDER BY n.vulnerabilityScore DESC, n.id ASC
LIMIT $limit
