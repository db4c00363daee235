// Purpose: every :Organization node has a unique id (also the index behind every lookup by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT organization_id IF NOT EXISTS
FOR (n:Organization) REQUIRE n.id IS UNIQUE
