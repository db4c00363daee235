// Purpose: the services whose track-record counters are not computed yet (an upgraded database at init, a service
//          just written), write-locked so no referral write changes them until the adapter has set the counters
//          from their referrals (listReferralTrackRowsByServices, setServiceReferralCounts) in this transaction.
// Parameters: $ids (service ids, or null for every service), $limit (services per call)
// Returns: id
// Mode: WRITE
MATCH (s:Service)
WHERE s.referralsSent IS NULL AND ($ids IS NULL OR s.id IN $ids)
WITH s ORDER BY s.id LIMIT $limit
SET s._lock = true
REMOVE s._lock
RETURN s.id AS id
