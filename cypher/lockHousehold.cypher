// Purpose: take the household's write lock, then read its version (update with expectedVersion). Taking the
//          lock first means a concurrent update has either committed (and we see its version) or waits for us,
//          so two updates from the same version can never both succeed.
// Parameters: $id
// Returns: version (no row when the household does not exist)
// Mode: WRITE
MATCH (n:Household {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN n.version AS version
