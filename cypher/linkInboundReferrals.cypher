// Purpose: draw the edges that point at these referrals from records written before them (upsertMany does not
//          order kinds; the start-up upgrade runs it over every referral): (Assistance)-[:UNDER_REFERRAL]->, where
//          the assistance record's referralId names the referral and the edge is missing (MERGE: running it twice
//          draws nothing twice).
// Parameters: $ids: referral ids
// Returns: linked (referrals found)
// Mode: WRITE
UNWIND $ids AS id
MATCH (r:Referral {id: id})
CALL (r) {
  MATCH (a:Assistance {referralId: r.id})
  MERGE (a)-[:UNDER_REFERRAL]->(r)
}
RETURN count(r) AS linked
