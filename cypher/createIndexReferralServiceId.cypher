// Purpose: range index on :Referral.serviceId (referrals to a service).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX referral_serviceId IF NOT EXISTS
FOR (n:Referral) ON (n.serviceId)
