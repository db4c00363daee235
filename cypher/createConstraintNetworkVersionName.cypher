// Purpose: one network-version counter per name, so concurrent MERGEs of the counter cannot create two.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT network_version_name IF NOT EXISTS
FOR (c:NetworkVersion) REQUIRE c.name IS UNIQUE
