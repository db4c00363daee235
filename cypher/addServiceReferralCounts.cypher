// Purpose: apply track-record changes (domain/referralTrackRecord) to their services' counters, in the transaction
//          of the referral write that made them (one row per service, deltas summed by the adapter). Lock before
//          read as in addVillageHouseholdCounts; a counter not yet computed (null) stays null for the backfill.
// Parameters: $rows (list of {serviceId, sent, accepted, resolved, declined, declinedNoCapacity}: deltas)
// Returns: written (services updated)
// Mode: WRITE
UNWIND $rows AS row
MATCH (s:Service {id: row.serviceId})
SET s.referralsSent = s.referralsSent + row.sent,
    s.referralsAccepted = s.referralsAccepted + row.accepted,
    s.referralsResolved = s.referralsResolved + row.resolved,
    s.referralsDeclined = s.referralsDeclined + row.declined,
    s.referralsDeclinedNoCapacity = s.referralsDeclinedNoCapacity + row.declinedNoCapacity
RETURN count(s) AS written
