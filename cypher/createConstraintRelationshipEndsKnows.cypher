// Purpose: at most one KNOWS relationship from one stakeholder to another (UNIQUE_KEYS.Relationship: fromId+toId+type,
//          the type being the relationship's own Neo4j type).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_knows_ends IF NOT EXISTS
FOR ()-[r:KNOWS]-() REQUIRE (r.fromId, r.toId) IS UNIQUE
