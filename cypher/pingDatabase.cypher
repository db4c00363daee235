// Purpose: prove the database answers (health checks).
// Parameters: none
// Returns: ok (always 1)
// Mode: READ
RETURN 1 AS ok
