// Purpose: claim an idempotency key first thing in a retryable write's transaction. A new key is created with
//          what the write will make; a key already held (or held by a concurrent transaction, which this one then
//          waits for through the uniqueness constraint) comes back as recorded, and the write returns its result.
//          The key is rolled back with the write when the write fails.
// Parameters: $key, $operation, $fingerprint (digest of the input), $resultKind, $resultId, $claim (a fresh
//             random token: equal in the answer only when this call created the key)
// Returns: created (boolean), operation, fingerprint, resultKind, resultId
// Mode: WRITE
MERGE (k:IdempotencyKey {key: $key})
  ON CREATE SET k.operation = $operation, k.fingerprint = $fingerprint, k.resultKind = $resultKind,
                k.resultId = $resultId, k.claim = $claim
RETURN k.claim = $claim AS created, k.key AS key, k.operation AS operation, k.fingerprint AS fingerprint,
       k.resultKind AS resultKind, k.resultId AS resultId
