// Purpose: store an unknown login name's failure counters computed after lockLoginNameFailure.
// Parameters: $key, $failedAttempts, $lockedUntil (null clears it)
// Returns: failedAttempts, lockedUntil
// Mode: WRITE
MATCH (f:LoginNameFailure {key: $key})
SET f.failedAttempts = $failedAttempts, f.lockedUntil = $lockedUntil
RETURN f.failedAttempts AS failedAttempts, f.lockedUntil AS lockedUntil
