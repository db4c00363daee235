// Purpose: append one audit event (appendAudit). The id constraint rejects a second event with the same id, so
//          an event can never be overwritten.
// Parameters: $props (node properties, see entityProps.ts)
// Returns: id
// Mode: WRITE
CREATE (n:AuditEvent)
SET n = $props
RETURN n.id AS id
