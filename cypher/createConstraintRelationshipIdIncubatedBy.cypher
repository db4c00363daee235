// Purpose: every stakeholder relationship of type INCUBATED_BY has a unique id (also the range index behind lookups by id);
//          one constraint per relationship type, since Neo4j constraints name a single type (relationshipTypes.ts).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_incubated_by_id IF NOT EXISTS
FOR ()-[r:INCUBATED_BY]-() REQUIRE r.id IS UNIQUE
