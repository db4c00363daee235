// Purpose: keep each assistance record's edges in step with its properties: (a)-[:FOR_NEED]->(Need) and,
//          when it followed a referral, (a)-[:UNDER_REFERRAL]->(Referral). Old edges are replaced.
// Parameters: $rows: list of {id, needId, referralId (or null)}
// Returns: linked (assistance records found)
// Mode: WRITE
UNWIND $rows AS row
MATCH (a:Assistance {id: row.id})
CALL (a) {
  MATCH (a)-[old:FOR_NEED|UNDER_REFERRAL]->()
  DELETE old
}
CALL (a, row) {
  MATCH (n:Need {id: row.needId})
  CREATE (a)-[:FOR_NEED]->(n)
}
CALL (a, row) {
  MATCH (r:Referral {id: row.referralId})
  CREATE (a)-[:UNDER_REFERRAL]->(r)
}
RETURN count(a) AS linked
