// Purpose: every :Township node has a unique id (also the index behind every lookup by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT township_id IF NOT EXISTS
FOR (n:Township) REQUIRE n.id IS UNIQUE
