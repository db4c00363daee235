// Purpose: need categories are unique by code.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT category_code IF NOT EXISTS
FOR (c:Category) REQUIRE c.code IS UNIQUE
