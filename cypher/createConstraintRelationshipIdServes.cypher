// Purpose: every stakeholder relationship of type SERVES has a unique id (also the range index behind lookups by id);
//          one constraint per relationship type, since Neo4j constraints name a single type (relationshipTypes.ts).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_serves_id IF NOT EXISTS
FOR ()-[r:SERVES]-() REQUIRE r.id IS UNIQUE
