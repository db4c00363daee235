// Purpose: draw the edges that point at these organisations from records written before them (upsertMany does
//          not order kinds; the start-up upgrade runs it over every organisation): (Person)-[:WORKS_FOR]->,
//          (Service)-[:OFFERED_BY]->, where the record's organizationId names the organisation and the edge is
//          missing (MERGE: running it twice draws nothing twice).
// Parameters: $ids: organisation ids
// Returns: linked (organisations found)
// Mode: WRITE
UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  MATCH (p:Person {organizationId: o.id})
  MERGE (p)-[:WORKS_FOR]->(o)
}
CALL (o) {
  MATCH (s:Service {organizationId: o.id})
  MERGE (s)-[:OFFERED_BY]->(o)
}
RETURN count(o) AS linked
