// Purpose: range index on :Village.townshipId (villages of a township).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX village_townshipId IF NOT EXISTS
FOR (n:Village) ON (n.townshipId)
