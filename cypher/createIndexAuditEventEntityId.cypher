// Purpose: range index on :AuditEvent.entityId (audit trail of one record).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX auditEvent_entityId IF NOT EXISTS
FOR (n:AuditEvent) ON (n.entityId)
