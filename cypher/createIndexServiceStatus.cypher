// Purpose: range index on :Service.status (services by status).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX service_status IF NOT EXISTS
FOR (n:Service) ON (n.status)
