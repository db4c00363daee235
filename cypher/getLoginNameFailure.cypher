// Purpose: read an unknown login name's failure counters (sign-in, before checking a password).
// Parameters: $key
// Returns: failedAttempts, lockedUntil (no row when the name never failed)
// Mode: READ
MATCH (f:LoginNameFailure {key: $key})
RETURN f.failedAttempts AS failedAttempts, f.lockedUntil AS lockedUntil
