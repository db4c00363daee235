// Purpose: range index on :Consent.householdId (consents of a household).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX consent_householdId IF NOT EXISTS
FOR (n:Consent) ON (n.householdId)
