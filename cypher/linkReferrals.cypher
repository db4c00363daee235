// Purpose: keep each referral's edges in step with its properties: (r)-[:FOR_NEED]->(Need) and
//          (r)-[:TO_SERVICE]->(Service). Old edges are replaced.
// Parameters: $rows: list of {id, needId, serviceId}
// Returns: linked (referrals found)
// Mode: WRITE
UNWIND $rows AS row
MATCH (r:Referral {id: row.id})
CALL (r) {
  MATCH (r)-[old:FOR_NEED|TO_SERVICE]->()
  DELETE old
}
CALL (r, row) {
  MATCH (n:Need {id: row.needId})
  CREATE (r)-[:FOR_NEED]->(n)
}
CALL (r, row) {
  MATCH (s:Service {id: row.serviceId})
  CREATE (r)-[:TO_SERVICE]->(s)
}
RETURN count(r) AS linked
