// Purpose: remove waiting-list entries by key (a need left, was referred, or its offer lapsed).
// Parameters: $keys (list of entry keys)
// Returns: deleted (how many existed)
// Mode: WRITE
UNWIND $keys AS key
MATCH (w:WaitlistEntry {key: key})
DELETE w
RETURN count(w) AS deleted
