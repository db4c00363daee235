// Purpose: draw the edges that point at these services from records written before them (upsertMany does not
//          order kinds; the start-up upgrade runs it over every service): (Referral)-[:TO_SERVICE]->, where the
//          referral's serviceId names the service and the edge is missing (MERGE: running it twice draws nothing
//          twice).
// Parameters: $ids: service ids
// Returns: linked (services found)
// Mode: WRITE
UNWIND $ids AS id
MATCH (s:Service {id: id})
CALL (s) {
  MATCH (r:Referral {serviceId: s.id})
  MERGE (r)-[:TO_SERVICE]->(s)
}
RETURN count(s) AS linked
