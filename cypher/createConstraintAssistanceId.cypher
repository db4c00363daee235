// Purpose: every :Assistance node has a unique id (also the index behind every lookup by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT assistance_id IF NOT EXISTS
FOR (n:Assistance) REQUIRE n.id IS UNIQUE
