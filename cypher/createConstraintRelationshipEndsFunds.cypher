// Purpose: at most one FUNDS relationship from one stakeholder to another (UNIQUE_KEYS.Relationship: fromId+toId+type,
//          the type being the relationship's own Neo4j type).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_funds_ends IF NOT EXISTS
FOR ()-[r:FUNDS]-() REQUIRE (r.fromId, r.toId) IS UNIQUE
