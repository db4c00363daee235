// Purpose: claim one unit of a service's capacity, atomically: the write lock is taken before the check, so two
//          concurrent claims on the last slot are serialised and only one of them wins.
//          No stated capacity (null) means no limit.
// Parameters: $serviceId
// Returns: claimed (boolean), capacity, activeReferrals (after the claim); no row when the service is missing
// Mode: WRITE
MATCH (s:Service {id: $serviceId})
SET s._lock = true
REMOVE s._lock
WITH s, (s.capacity IS NULL OR s.activeReferrals < s.capacity) AS claimed
SET s.activeReferrals = CASE WHEN claimed THEN s.activeReferrals + 1 ELSE s.activeReferrals END
RETURN claimed, s.capacity AS capacity, s.activeReferrals AS activeReferrals
