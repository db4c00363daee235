// Purpose: one page of stakeholder relationships ([:LINK]) matching the filter, ordered by id.
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $nodeId (either end), $fromId, $toId, $status, $type
// Returns: props (all relationship properties), at most $limit rows
// Mode: READ
MATCH ()-[r:LINK]->()
WHERE r.id > $after
  AND ($nodeId IS NULL OR r.fromId = $nodeId OR r.toId = $nodeId)
  AND ($fromId IS NULL OR r.fromId = $fromId)
  AND ($toId IS NULL OR r.toId = $toId)
  AND ($status IS NULL OR r.status = $status)
  AND ($type IS NULL OR r.type = $type)
RETURN properties(r) AS props
ORDER BY r.id
LIMIT $limit
