// Purpose: range index on :Assistance.referralId (help recorded under a referral; linkInboundReferrals finds them).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX assistance_referralId IF NOT EXISTS
FOR (n:Assistance) ON (n.referralId)
