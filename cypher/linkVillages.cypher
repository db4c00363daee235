// Purpose: keep each village's reference edge in step with its properties: (v)-[:IN_TOWNSHIP]->(Township).
//          Old edges are replaced.
// Parameters: $rows: list of {id, townshipId}
// Returns: linked (villages found)
// Mode: WRITE
UNWIND $rows AS row
MATCH (v:Village {id: row.id})
CALL (v) {
  MATCH (v)-[old:IN_TOWNSHIP]->()
  DELETE old
}
CALL (v, row) {
  MATCH (t:Township {id: row.townshipId})
  CREATE (v)-[:IN_TOWNSHIP]->(t)
}
RETURN count(v) AS linked
