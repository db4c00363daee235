// Purpose: take the write lock of an unknown login name's failure counters (created at zero when absent), then read
//          them (recordLoginNameFailure): the same lockout rule as an account, shared across API instances.
// Parameters: $key (a hash of the normalised login name, never the name)
// Returns: failedAttempts, lockedUntil (null when not locked)
// Mode: WRITE
MERGE (f:LoginNameFailure {key: $key})
  ON CREATE SET f.failedAttempts = 0
SET f._lock = true
REMOVE f._lock
RETURN f.failedAttempts AS failedAttempts, f.lockedUntil AS lockedUntil
