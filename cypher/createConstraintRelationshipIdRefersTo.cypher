// Purpose: every stakeholder relationship of type REFERS_TO has a unique id (also the range index behind lookups by id);
//          one constraint per relationship type, since Neo4j constraints name a single type (relationshipTypes.ts).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_refers_to_id IF NOT EXISTS
FOR ()-[r:REFERS_TO]-() REQUIRE r.id IS UNIQUE
