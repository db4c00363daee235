// Purpose: draw the edges that point at these townships from records written before them (upsertMany does not
//          order kinds; the start-up upgrade runs it over every township): (Village)-[:IN_TOWNSHIP]->,
//          (Organization)-[:LOCATED_IN]->, (Person)-[:ASSIGNED_TO]->, each where the record's property names the
//          township and the edge is missing (MERGE: running it twice draws nothing twice).
// Parameters: $ids: township ids
// Returns: linked (townships found)
// Mode: WRITE
UNWIND $ids AS id
MATCH (t:Township {id: id})
CALL (t) {
  MATCH (v:Village {townshipId: t.id})
  MERGE (v)-[:IN_TOWNSHIP]->(t)
}
CALL (t) {
  MATCH (o:Organization {townshipId: t.id})
  MERGE (o)-[:LOCATED_IN]->(t)
}
CALL (t) {
  MATCH (p:Person)
  WHERE t.id IN p.townshipIds
  MERGE (p)-[:ASSIGNED_TO]->(t)
}
RETURN count(t) AS linked
