// Purpose: keep each consent's edge in step with its properties: (c)-[:OF_HOUSEHOLD]->(Household).
//          Old edges are replaced.
// Parameters: $rows: list of {id, householdId}
// Returns: linked (consents found)
// Mode: WRITE
UNWIND $rows AS row
MATCH (c:Consent {id: row.id})
CALL (c) {
  MATCH (c)-[old:OF_HOUSEHOLD]->()
  DELETE old
}
CALL (c, row) {
  MATCH (h:Household {id: row.householdId})
  CREATE (c)-[:OF_HOUSEHOLD]->(h)
}
RETURN count(c) AS linked
