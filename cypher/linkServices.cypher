// Purpose: keep each service's reference edge in step with its properties: (s)-[:OFFERED_BY]->(Organization).
//          Old edges are replaced.
// Parameters: $rows: list of {id, organizationId}
// Returns: linked (services found)
// Mode: WRITE
UNWIND $rows AS row
MATCH (s:Service {id: row.id})
CALL (s) {
  MATCH (s)-[old:OFFERED_BY]->()
  DELETE old
}
CALL (s, row) {
  MATCH (o:Organization {id: row.organizationId})
  CREATE (s)-[:OFFERED_BY]->(o)
}
RETURN count(s) AS linked
