// Purpose: draw the edges that point at these villages from records written before them (upsertMany does not
//          order kinds; the start-up upgrade runs it over every village): (Household)-[:LIVES_IN]->,
//          (Organization)-[:LOCATED_IN]->, (Person)-[:ASSIGNED_TO]->, each where the record's property names the
//          village and the edge is missing (MERGE: running it twice draws nothing twice).
// Parameters: $ids: village ids
// Returns: linked (villages found)
// Mode: WRITE
UNWIND $ids AS id
MATCH (v:Village {id: id})
CALL (v) {
  MATCH (h:Household {villageId: v.id})
  MERGE (h)-[:LIVES_IN]->(v)
}
CALL (v) {
  MATCH (o:Organization {villageId: v.id})
  MERGE (o)-[:LOCATED_IN]->(v)
}
CALL (v) {
  MATCH (p:Person)
  WHERE v.id IN p.villageIds
  MERGE (p)-[:ASSIGNED_TO]->(v)
}
RETURN count(v) AS linked
