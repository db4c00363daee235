// Purpose: range index on :Service.organizationId (services of an organisation).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX service_organizationId IF NOT EXISTS
FOR (n:Service) ON (n.organizationId)
