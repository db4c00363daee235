// Purpose: how many stakeholder relationships ([:LINK]) match the filter (a page's totalCount).
// Parameters: filter (null = any): $nodeId (either end), $fromId, $toId, $status, $type
// Returns: total
// Mode: READ
MATCH ()-[r:LINK]->()
WHERE ($nodeId IS NULL OR r.fromId = $nodeId OR r.toId = $nodeId)
  AND ($fromId IS NULL OR r.fromId = $fromId)
  AND ($toId IS NULL OR r.toId = $toId)
  AND ($status IS NULL OR r.status = $status)
  AND ($type IS NULL OR r.type = $type)
RETURN count(r) AS total
