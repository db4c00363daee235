// Purpose: every stakeholder relationship of type WORKS_WITH has a unique id (also the range index behind lookups by id);
//          one constraint per relationship type, since Neo4j constraints name a single type (relationshipTypes.ts).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_works_with_id IF NOT EXISTS
FOR ()-[r:WORKS_WITH]-() REQUIRE r.id IS UNIQUE
