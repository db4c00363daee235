// Purpose: set services' track-record counters to values computed whole (counter backfill, under the lock taken by
//          lockServicesWithoutReferralCounts).
// Parameters: $rows (list of {serviceId, sent, accepted, resolved, declined, declinedNoCapacity})
// Returns: written
// Mode: WRITE
UNWIND $rows AS row
MATCH (s:Service {id: row.serviceId})
SET s.referralsSent = row.sent,
    s.referralsAccepted = row.accepted,
    s.referralsResolved = row.resolved,
    s.referralsDeclined = row.declined,
    s.referralsDeclinedNoCapacity = row.declinedNoCapacity
RETURN count(s) AS written
