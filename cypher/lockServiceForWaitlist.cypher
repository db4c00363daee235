// Purpose: take a service's write lock, then read what its waiting list is settled against (issue 14 item 3):
//          every write to a list or to the service's units takes this lock first, so list reads and writes that
//          follow in the transaction see no concurrent join, release or claim.
// Parameters: $serviceId
// Returns: capacity (null = no stated limit), activeReferrals, status; no row when the service is missing
// Mode: WRITE
MATCH (s:Service {id: $serviceId})
SET s._lock = true
REMOVE s._lock
RETURN s.capacity AS capacity, s.activeReferrals AS activeReferrals, s.status AS status
