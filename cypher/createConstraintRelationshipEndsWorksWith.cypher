// Purpose: at most one WORKS_WITH relationship from one stakeholder to another (UNIQUE_KEYS.Relationship: fromId+toId+type,
//          the type being the relationship's own Neo4j type).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_works_with_ends IF NOT EXISTS
FOR ()-[r:WORKS_WITH]-() REQUIRE (r.fromId, r.toId) IS UNIQUE
