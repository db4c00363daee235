// Purpose: official 12-digit township codes are unique (UNIQUE_KEYS.Township).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT township_code IF NOT EXISTS
FOR (t:Township) REQUIRE t.code IS UNIQUE
