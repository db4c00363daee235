// Purpose: insert audit events by id (seed/bulk). Audit is append-only: an event that already exists is left
//          exactly as it is, so running it twice creates nothing twice and changes nothing.
// Parameters: $rows: list of {id, props (node properties, see entityProps.ts)}
// Returns: written (rows given)
// Mode: WRITE
UNWIND $rows AS row
MERGE (n:AuditEvent {id: row.id})
ON CREATE SET n = row.props
RETURN count(n) AS written
