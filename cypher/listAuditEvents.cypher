// Purpose: one page of :AuditEvent nodes matching the filter, ordered by id (keyset pagination: ids after $after).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $actorId, $entityId, $action
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:AuditEvent)
WHERE n.id > $after
  AND ($actorId IS NULL OR n.actorId = $actorId)
  AND ($entityId IS NULL OR n.entityId = $entityId)
  AND ($action IS NULL OR n.action = $action)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
