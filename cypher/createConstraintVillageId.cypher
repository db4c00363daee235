// Purpose: every :Village node has a unique id (also the index behind every lookup by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT village_id IF NOT EXISTS
FOR (n:Village) REQUIRE n.id IS UNIQUE
