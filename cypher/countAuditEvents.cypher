// Purpose: how many :AuditEvent nodes match the filter (a page's totalCount).
// Parameters: filter (null = any): $actorId, $entityId, $action
// Returns: total
// Mode: READ
MATCH (n:AuditEvent)
WHERE ($actorId IS NULL OR n.actorId = $actorId)
  AND ($entityId IS NULL OR n.entityId = $entityId)
  AND ($action IS NULL OR n.action = $action)
RETURN count(n) AS total
