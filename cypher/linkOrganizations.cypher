// Purpose: keep each organisation's place edges in step with its properties: (o)-[:LOCATED_IN]->(Township)
//          and (o)-[:LOCATED_IN]->(Village), each when set. Old edges are replaced.
// Parameters: $rows: list of {id, townshipId (or null), villageId (or null)}
// Returns: linked (organisations found)
// Mode: WRITE
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
CALL (o) {
  MATCH (o)-[old:LOCATED_IN]->()
  DELETE old
}
CALL (o, row) {
  MATCH (t:Township {id: row.townshipId})
  CREATE (o)-[:LOCATED_IN]->(t)
}
CALL (o, row) {
  MATCH (v:Village {id: row.villageId})
  CREATE (o)-[:LOCATED_IN]->(v)
}
RETURN count(o) AS linked
