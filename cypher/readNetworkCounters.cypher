// Purpose: GraphStore.networkCounters in one read: the network version, the household counters of every village
//          that has households, and each service's activeReferrals and track-record counters. Reads the counters
//          the writes maintain; never aggregates households or referrals.
// Parameters: none
// Returns: version, villages (list of {villageId, households, vulnerable}), services (list of {serviceId,
//          activeReferrals, sent, accepted, resolved, declined, declinedNoCapacity})
// Mode: READ
OPTIONAL MATCH (c:NetworkVersion {name: 'network'})
WITH coalesce(c.value, 0) AS version
CALL () {
  MATCH (v:Village)
  WHERE v.householdCount > 0
  WITH v ORDER BY v.id
  RETURN collect({villageId: v.id, households: v.householdCount, vulnerable: coalesce(v.vulnerableHouseholdCount, 0)}) AS villages
}
CALL () {
  MATCH (s:Service)
  WITH s ORDER BY s.id
  RETURN collect({
    serviceId: s.id,
    activeReferrals: coalesce(s.activeReferrals, 0),
    sent: coalesce(s.referralsSent, 0),
    accepted: coalesce(s.referralsAccepted, 0),
    resolved: coalesce(s.referralsResolved, 0),
    declined: coalesce(s.referralsDeclined, 0),
    declinedNoCapacity: coalesce(s.referralsDeclinedNoCapacity, 0)
  }) AS services
}
RETURN version, villages, services
