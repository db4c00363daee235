// Purpose: a household code (户号) belongs to one household (UNIQUE_KEYS.Household). Households without a
//          code simply lack the property, so any number of them may exist.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT household_code IF NOT EXISTS
FOR (h:Household) REQUIRE h.householdCode IS UNIQUE
