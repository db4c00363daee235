// Purpose: at most one REFERS_TO relationship from one stakeholder to another (UNIQUE_KEYS.Relationship: fromId+toId+type,
//          the type being the relationship's own Neo4j type).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_refers_to_ends IF NOT EXISTS
FOR ()-[r:REFERS_TO]-() REQUIRE (r.fromId, r.toId) IS UNIQUE
