// Purpose: one store-version counter per name, so concurrent MERGEs of the counter cannot create two.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT store_version_name IF NOT EXISTS
FOR (c:StoreVersion) REQUIRE c.name IS UNIQUE
