// Purpose: range index on :Need.status (needs by status, e.g. open needs).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX need_status IF NOT EXISTS
FOR (n:Need) ON (n.status)
