// Purpose: one :Alert per key (<referralId>:<kind>:<step>), so concurrent scans in several API processes
//          MERGE onto one node and only one of them creates it (and sends it).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT alert_key IF NOT EXISTS
FOR (a:Alert) REQUIRE a.key IS UNIQUE
