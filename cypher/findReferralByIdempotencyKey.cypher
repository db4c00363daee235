// Purpose: the referral created with an idempotency key, if any.
// Parameters: $idempotencyKey
// Returns: id, props (at most one row)
// Mode: READ
MATCH (n:Referral {idempotencyKey: $idempotencyKey})
RETURN n.id AS id, properties(n) AS props
