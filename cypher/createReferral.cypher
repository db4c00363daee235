// Purpose: store one referral node (createReferral, after the idempotency lookup and the capacity claim in the
//          same transaction). The idempotency-key constraint makes a concurrent twin fail here, which rolls back
//          its capacity claim; the store then retries its lookup and returns the winner.
// Parameters: $props (node properties, see entityProps.ts)
// Returns: id
// Mode: WRITE
CREATE (n:Referral)
SET n = $props
RETURN n.id AS id
