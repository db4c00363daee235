// Purpose: every stakeholder relationship of type KNOWS has a unique id (also the range index behind lookups by id);
//          one constraint per relationship type, since Neo4j constraints name a single type (relationshipTypes.ts).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_knows_id IF NOT EXISTS
FOR ()-[r:KNOWS]-() REQUIRE r.id IS UNIQUE
