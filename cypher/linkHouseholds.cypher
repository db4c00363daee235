// Purpose: keep each household's reference edges in step with its properties: (h)-[:LIVES_IN]->(Village) and,
//          with a loan, (h)-[:BORROWS_FROM]->(credit officer), the trust edge a referral can travel.
//          Old edges are replaced.
// Parameters: $rows: list of {id, villageId, creditOfficerId (null without a loan)}
// Returns: linked (households found)
// Mode: WRITE
UNWIND $rows AS row
MATCH (h:Household {id: row.id})
CALL (h) {
  MATCH (h)-[old:LIVES_IN|BORROWS_FROM]->()
  DELETE old
}
CALL (h, row) {
  MATCH (v:Village {id: row.villageId})
  CREATE (h)-[:LIVES_IN]->(v)
}
CALL (h, row) {
  MATCH (p:Person {id: row.creditOfficerId})
  CREATE (h)-[:BORROWS_FROM]->(p)
}
RETURN count(h) AS linked
