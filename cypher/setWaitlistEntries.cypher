// Purpose: store waiting-list entries by key (a new entry, or an entry now OFFERED), replacing every property.
// Parameters: $rows (list of {key, props}; props holds key too, and no null values)
// Returns: written (how many rows)
// Mode: WRITE
UNWIND $rows AS row
MERGE (w:WaitlistEntry {key: row.key})
SET w = row.props
RETURN count(w) AS written
