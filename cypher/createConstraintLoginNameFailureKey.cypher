// Purpose: one :LoginNameFailure per key, so concurrent MERGEs from several API instances meet on one node.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT login_name_failure_key IF NOT EXISTS
FOR (f:LoginNameFailure) REQUIRE f.key IS UNIQUE
