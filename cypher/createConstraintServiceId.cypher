// Purpose: every :Service node has a unique id (also the index behind every lookup by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT service_id IF NOT EXISTS
FOR (n:Service) REQUIRE n.id IS UNIQUE
