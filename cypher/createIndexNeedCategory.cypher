// Purpose: range index on :Need.category (needs by category).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX need_category IF NOT EXISTS
FOR (n:Need) ON (n.category)
