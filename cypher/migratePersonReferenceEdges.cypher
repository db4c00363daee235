// Purpose: upgrade to layout 2, one batch: a person's assignment edges were (p)-[:SERVES]->(Village|Township) and
//          (p)-[:MEMBER_OF]->(Organization) in layout 1, names that are now RelationshipTypes; rename up to $limit of
//          them to ASSIGNED_TO / WORKS_FOR (what linkPersons draws). An edge with an id is a recorded relationship
//          and is left alone.
// Parameters: $limit: edges per batch
// Returns: migrated (edges renamed in this batch)
// Mode: WRITE
MATCH (p:Person)-[old:SERVES|MEMBER_OF]->(x)
WHERE old.id IS NULL AND (x:Village OR x:Township OR x:Organization)
WITH p, old, x
LIMIT $limit
CALL (p, old, x) {
  WITH p, old, x WHERE type(old) = 'SERVES'
  CREATE (p)-[:ASSIGNED_TO]->(x)
}
CALL (p, old, x) {
  WITH p, old, x WHERE type(old) = 'MEMBER_OF'
  CREATE (p)-[:WORKS_FOR]->(x)
}
DELETE old
RETURN count(*) AS migrated
