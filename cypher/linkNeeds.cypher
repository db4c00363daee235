// Purpose: keep each need's reference edge in step with its properties: (n)-[:OF_HOUSEHOLD]->(Household).
//          Old edges are replaced.
// Parameters: $rows: list of {id, householdId}
// Returns: linked (needs found)
// Mode: WRITE
UNWIND $rows AS row
MATCH (n:Need {id: row.id})
CALL (n) {
  MATCH (n)-[old:OF_HOUSEHOLD]->()
  DELETE old
}
CALL (n, row) {
  MATCH (h:Household {id: row.householdId})
  CREATE (n)-[:OF_HOUSEHOLD]->(h)
}
RETURN count(n) AS linked
