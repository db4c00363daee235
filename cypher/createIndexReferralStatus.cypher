// Purpose: range index on :Referral.status (referrals by status, e.g. overdue open referrals).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX referral_status IF NOT EXISTS
FOR (n:Referral) ON (n.status)
