// Purpose: range index on :Assistance.needId (help recorded for a need).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX assistance_needId IF NOT EXISTS
FOR (n:Assistance) ON (n.needId)
