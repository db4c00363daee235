// Purpose: one seed record per store, so two concurrent MERGEs of it cannot create two.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT seed_run_name IF NOT EXISTS
FOR (s:SeedRun) REQUIRE s.name IS UNIQUE
