// Purpose: wait until every index is online, so init() returns a store whose lookups are index-backed.
// Parameters: $timeoutSeconds: how long to wait before failing
// Returns: nothing
// Mode: READ
CALL db.awaitIndexes($timeoutSeconds)
