// Purpose: keep each person's assignment edges in step with their properties: (p)-[:ASSIGNED_TO]->(Village) for
//          villageIds, (p)-[:ASSIGNED_TO]->(Township) for townshipIds, (p)-[:WORKS_FOR]->(Organization).
//          Old edges are replaced. (Not SERVES / MEMBER_OF: those are RelationshipTypes, the edges of recorded
//          relationships; a database written before schema version 2 is renamed by migratePersonReferenceEdges.)
// Parameters: $rows: list of {id, villageIds, townshipIds, organizationId (or null)}
// Returns: linked (persons found)
// Mode: WRITE
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
CALL (p) {
  MATCH (p)-[old:ASSIGNED_TO|WORKS_FOR]->()
  DELETE old
}
CALL (p, row) {
  UNWIND row.villageIds AS villageId
  MATCH (v:Village {id: villageId})
  CREATE (p)-[:ASSIGNED_TO]->(v)
}
CALL (p, row) {
  UNWIND row.townshipIds AS townshipId
  MATCH (t:Township {id: townshipId})
  CREATE (p)-[:ASSIGNED_TO]->(t)
}
CALL (p, row) {
  MATCH (o:Organization {id: row.organizationId})
  CREATE (p)-[:WORKS_FOR]->(o)
}
RETURN count(p) AS linked
