// Purpose: at most one stakeholder relationship per (fromId, toId, type) (UNIQUE_KEYS.Relationship).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT link_ends IF NOT EXISTS
FOR ()-[r:LINK]-() REQUIRE (r.fromId, r.toId, r.type) IS UNIQUE
