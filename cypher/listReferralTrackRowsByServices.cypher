// Purpose: what the track record of these services is computed from, once (counter backfill): each referral's
//          service, status, reason and transitions.
// Parameters: $serviceIds
// Returns: serviceId, status, reason, transitionsJson
// Mode: READ
MATCH (r:Referral)
WHERE r.serviceId IN $serviceIds
RETURN r.serviceId AS serviceId, r.status AS status, r.reason AS reason, r.transitionsJson AS transitionsJson
