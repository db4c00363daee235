// Purpose: draw the edges that point at these needs from records written before them (upsertMany does not order
//          kinds; the start-up upgrade runs it over every need): (Referral)-[:FOR_NEED]->,
//          (Assistance)-[:FOR_NEED]->, where the record's needId names the need and the edge is missing
//          (MERGE: running it twice draws nothing twice).
// Parameters: $ids: need ids
// Returns: linked (needs found)
// Mode: WRITE
UNWIND $ids AS id
MATCH (n:Need {id: id})
CALL (n) {
  MATCH (r:Referral {needId: n.id})
  MERGE (r)-[:FOR_NEED]->(n)
}
CALL (n) {
  MATCH (a:Assistance {needId: n.id})
  MERGE (a)-[:FOR_NEED]->(n)
}
RETURN count(n) AS linked
