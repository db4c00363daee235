// Purpose: every :Consent node has a unique id (also the index behind every lookup by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT consent_id IF NOT EXISTS
FOR (n:Consent) REQUIRE n.id IS UNIQUE
