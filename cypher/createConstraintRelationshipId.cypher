// Purpose: every stakeholder relationship ([:LINK]) has a unique id (also the index behind lookups by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT link_id IF NOT EXISTS
FOR ()-[r:LINK]-() REQUIRE r.id IS UNIQUE
