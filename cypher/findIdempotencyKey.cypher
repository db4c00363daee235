// Purpose: what a retryable write recorded under an idempotency key, if any (a retry's first look).
// Parameters: $key
// Returns: key, operation, fingerprint, resultKind, resultId (at most one row)
// Mode: READ
MATCH (k:IdempotencyKey {key: $key})
RETURN k.key AS key, k.operation AS operation, k.fingerprint AS fingerprint, k.resultKind AS resultKind,
       k.resultId AS resultId
