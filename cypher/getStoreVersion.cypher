// Purpose: the store version, bumped by every write transaction (0 before the first write).
// Parameters: none
// Returns: version
// Mode: READ
OPTIONAL MATCH (c:StoreVersion {name: 'graph'})
RETURN coalesce(c.value, 0) AS version
