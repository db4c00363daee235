// Purpose: every :Household node has a unique id (also the index behind every lookup by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT household_id IF NOT EXISTS
FOR (n:Household) REQUIRE n.id IS UNIQUE
