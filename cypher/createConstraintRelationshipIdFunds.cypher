// Purpose: every stakeholder relationship of type FUNDS has a unique id (also the range index behind lookups by id);
//          one constraint per relationship type, since Neo4j constraints name a single type (relationshipTypes.ts).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_funds_id IF NOT EXISTS
FOR ()-[r:FUNDS]-() REQUIRE r.id IS UNIQUE
