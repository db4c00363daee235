// Purpose: at most one PARTNER relationship from one stakeholder to another (UNIQUE_KEYS.Relationship: fromId+toId+type,
//          the type being the relationship's own Neo4j type).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT rel_partner_ends IF NOT EXISTS
FOR ()-[r:PARTNER]-() REQUIRE (r.fromId, r.toId) IS UNIQUE
