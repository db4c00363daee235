// Purpose: the stakeholder relationships (every RelationshipType, each its own Neo4j type) that match the filter;
//          the ends and the type are read from the pattern, not from properties. The network projection reads
//          these pages.
// Parameters: $nodeId (either end), $fromId, $toId, $status, $type
// Props: n {.*, type: type(n), fromId: a.id, toId: b.id}
MATCH (a:Stakeholder)-[n:PARTNER|MEMBER_OF|WORKS_WITH|REFERS_TO|SERVES|FUNDS|INCUBATED_BY|SUPERVISES|KNOWS]->(b:Stakeholder)
WHERE ($nodeId IS NULL OR a.id = $nodeId OR b.id = $nodeId)
  AND ($fromId IS NULL OR a.id = $fromId)
  AND ($toId IS NULL OR b.id = $toId)
  AND ($status IS NULL OR n.status = $status)
  AND ($type IS NULL OR type(n) = $type)
