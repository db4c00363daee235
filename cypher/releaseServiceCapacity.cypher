// Purpose: give back one unit of a service's capacity when a referral ends (never below zero). The SET reads
//          s.activeReferrals in its own right-hand side, so Cypher locks before reading (no lost decrement).
// Parameters: $serviceId
// Returns: activeReferrals (after the release); no row when the service is missing
// Mode: WRITE
MATCH (s:Service {id: $serviceId})
SET s.activeReferrals = CASE WHEN s.activeReferrals > 0 THEN s.activeReferrals - 1 ELSE 0 END
RETURN s.activeReferrals AS activeReferrals
