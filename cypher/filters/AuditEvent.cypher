// Purpose: the :AuditEvent nodes that match the filter.
// Parameters: $actorId, $entityId, $action
MATCH (n:AuditEvent)
WHERE ($actorId IS NULL OR n.actorId = $actorId)
  AND ($entityId IS NULL OR n.entityId = $entityId)
  AND ($action IS NULL OR n.action = $action)
