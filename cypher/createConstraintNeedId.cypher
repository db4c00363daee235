// Purpose: every :Need node has a unique id (also the index behind every lookup by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT need_id IF NOT EXISTS
FOR (n:Need) REQUIRE n.id IS UNIQUE
