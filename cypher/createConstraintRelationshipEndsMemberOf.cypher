// Purpose: at most one MEMBER_OF relationship from one stakeholder to another (UNIQUE_KEYS.Relationship: fromId+toId+type,
//          the type being the relationship's own Neo4j type).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_member_of_ends IF NOT EXISTS
FOR ()-[r:MEMBER_OF]-() REQUIRE (r.fromId, r.toId) IS UNIQUE
