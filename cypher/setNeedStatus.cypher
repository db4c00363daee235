// Purpose: set a need's status as part of a referral step (REFERRED on a new referral, RESOLVED or OPEN when
//          one ends).
// Parameters: $needId, $status: NeedStatus, $updatedAt: ISO date-time of the step
// Returns: id (no row when the need is missing)
// Mode: WRITE
MATCH (n:Need {id: $needId})
SET n.status = $status, n.updatedAt = $updatedAt
RETURN n.id AS id
