// Purpose: range index on :Referral.needId (referrals of a need).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX referral_needId IF NOT EXISTS
FOR (n:Referral) ON (n.needId)
