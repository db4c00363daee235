// Purpose: every :Referral node has a unique id (also the index behind every lookup by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT referral_id IF NOT EXISTS
FOR (n:Referral) REQUIRE n.id IS UNIQUE
