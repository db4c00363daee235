// Purpose: at most one SERVES relationship from one stakeholder to another (UNIQUE_KEYS.Relationship: fromId+toId+type,
//          the type being the relationship's own Neo4j type).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_serves_ends IF NOT EXISTS
FOR ()-[r:SERVES]-() REQUIRE (r.fromId, r.toId) IS UNIQUE
