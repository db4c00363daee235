// Purpose: range index on :Household.villageId (households of a village).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX household_villageId IF NOT EXISTS
FOR (n:Household) ON (n.villageId)
