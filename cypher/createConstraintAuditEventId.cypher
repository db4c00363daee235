// Purpose: every :AuditEvent node has a unique id (also the index behind every lookup by id).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT auditEvent_id IF NOT EXISTS
FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE
