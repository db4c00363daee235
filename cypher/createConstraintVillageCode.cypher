// Purpose: official 12-digit village codes are unique (UNIQUE_KEYS.Village).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT village_code IF NOT EXISTS
FOR (v:Village) REQUIRE v.code IS UNIQUE
