// Purpose: one record per idempotency key of a retryable write (registerHousehold, recordNeed, recordAssistance,
//          updateReferralStatus); makes claimIdempotencyKey's MERGE atomic, so two concurrent requests with one
//          key serialise on it and only one of them writes.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT idempotency_key IF NOT EXISTS
FOR (k:IdempotencyKey) REQUIRE k.key IS UNIQUE
