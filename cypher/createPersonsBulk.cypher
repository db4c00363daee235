// Purpose: first load (insertNew): create :Person:Stakeholder nodes known to be new with their assignment edges
//          (p)-[:ASSIGNED_TO]->(Village|Township) and (p)-[:WORKS_FOR]->(Organization), in one statement (the
//          edges linkPersons draws). CREATE, not MERGE: an id already stored breaks the id constraint and the whole
//          transaction rolls back (the adapter then names the id in a CONFLICT).
// Parameters: $rows: list of {props (node properties, see entityProps.ts), villageIds, townshipIds, organizationId (or null)}
// Returns: written (persons created)
// Mode: WRITE
UNWIND $rows AS row
CREATE (p:Person:Stakeholder)
SET p = row.props
WITH p, row
CALL (p, row) {
  UNWIND row.villageIds AS villageId
  MATCH (v:Village {id: villageId})
  CREATE (p)-[:ASSIGNED_TO]->(v)
}
CALL (p, row) {
  UNWIND row.townshipIds AS townshipId
  MATCH (t:Township {id: townshipId})
  CREATE (p)-[:ASSIGNED_TO]->(t)
}
CALL (p, row) {
  MATCH (o:Organization {id: row.organizationId})
  CREATE (p)-[:WORKS_FOR]->(o)
}
RETURN count(p) AS written
