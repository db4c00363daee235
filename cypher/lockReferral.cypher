// Purpose: take the referral's write lock, then read it (transitionReferral): the status check that follows
//          sees the latest committed status, so two transitions from the same status cannot both apply.
// Parameters: $id
// Returns: id, props (no row when the referral does not exist)
// Mode: WRITE
MATCH (n:Referral {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id, properties(n) AS props
