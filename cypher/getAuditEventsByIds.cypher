// Purpose: the :AuditEvent nodes with the given ids (a DataLoader batch); ids that do not exist give no row.
// Parameters: $ids: list of AuditEvent ids
// Returns: id, props (all node properties)
// Mode: READ
UNWIND $ids AS id
MATCH (n:AuditEvent {id: id})
RETURN n.id AS id, properties(n) AS props
