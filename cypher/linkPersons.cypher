// Purpose: keep each person's assignment edges in step with their properties: (p)-[:SERVES]->(Village) for
//          villageIds, (p)-[:SERVES]->(Township) for townshipIds, (p)-[:MEMBER_OF]->(Organization).
//          Old edges are replaced.
// Parameters: $rows: list of {id, villageIds, townshipIds, organizationId (or null)}
// Returns: linked (persons found)
// Mode: WRITE
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
CALL (p) {
  MATCH (p)-[old:SERVES|MEMBER_OF]->()
  DELETE old
}
CALL (p, row) {
  UNWIND row.villageIds AS villageId
  MATCH (v:Village {id: villageId})
  CREATE (p)-[:SERVES]->(v)
}
CALL (p, row) {
  UNWIND row.townshipIds AS townshipId
  MATCH (t:Township {id: townshipId})
  CREATE (p)-[:SERVES]->(t)
}
CALL (p, row) {
  MATCH (o:Organization {id: row.organizationId})
  CREATE (p)-[:MEMBER_OF]->(o)
}
RETURN count(p) AS linked
