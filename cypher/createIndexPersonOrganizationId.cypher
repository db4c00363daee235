// Purpose: range index on :Person.organizationId (members of an organisation).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX person_organizationId IF NOT EXISTS
FOR (n:Person) ON (n.organizationId)
