// Purpose: at most one SUPERVISES relationship from one stakeholder to another (UNIQUE_KEYS.Relationship: fromId+toId+type,
//          the type being the relationship's own Neo4j type).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_supervises_ends IF NOT EXISTS
FOR ()-[r:SUPERVISES]-() REQUIRE (r.fromId, r.toId) IS UNIQUE
