// Purpose: draw the edges that point at these households from records written before them (upsertMany does not
//          order kinds; the start-up upgrade runs it over every household): (Need)-[:OF_HOUSEHOLD]->,
//          (Consent)-[:OF_HOUSEHOLD]->, where the record's householdId names the household and the edge is missing
//          (MERGE: running it twice draws nothing twice).
// Parameters: $ids: household ids
// Returns: linked (households found)
// Mode: WRITE
UNWIND $ids AS id
MATCH (h:Household {id: id})
CALL (h) {
  MATCH (n:Need {householdId: h.id})
  MERGE (n)-[:OF_HOUSEHOLD]->(h)
}
CALL (h) {
  MATCH (c:Consent {householdId: h.id})
  MERGE (c)-[:OF_HOUSEHOLD]->(h)
}
RETURN count(h) AS linked
