// Purpose: one referral per idempotency key; the last line of defence when two createReferral calls with the
//          same key race past the lookup (the loser fails, rolls back its capacity claim and retries the lookup).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT referral_idempotency_key IF NOT EXISTS
FOR (r:Referral) REQUIRE r.idempotencyKey IS UNIQUE
