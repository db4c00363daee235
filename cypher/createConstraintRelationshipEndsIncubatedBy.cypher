// Purpose: at most one INCUBATED_BY relationship from one stakeholder to another (UNIQUE_KEYS.Relationship: fromId+toId+type,
//          the type being the relationship's own Neo4j type).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_incubated_by_ends IF NOT EXISTS
FOR ()-[r:INCUBATED_BY]-() REQUIRE (r.fromId, r.toId) IS UNIQUE
