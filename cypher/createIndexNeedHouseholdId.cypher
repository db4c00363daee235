// Purpose: range index on :Need.householdId (needs of a household).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX need_householdId IF NOT EXISTS
FOR (n:Need) ON (n.householdId)
