// Purpose: how many stakeholder relationships (every RelationshipType) match the filter (a page's totalCount).
// Parameters: filter (null = any): $nodeId (either end), $fromId, $toId, $status, $type
// Returns: total
// Mode: READ
MATCH (a:Stakeholder)-[r:PARTNER|MEMBER_OF|WORKS_WITH|REFERS_TO|SERVES|FUNDS|INCUBATED_BY|SUPERVISES|KNOWS]->(b:Stakeholder)
WHERE ($nodeId IS NULL OR a.id = $nodeId OR b.id = $nodeId)
  AND ($fromId IS NULL OR a.id = $fromId)
  AND ($toId IS NULL OR b.id = $toId)
  AND ($status IS NULL OR r.status = $status)
  AND ($type IS NULL OR type(r) = $type)
RETURN count(r) AS total
