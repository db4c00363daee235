// Purpose: one page of stakeholder relationships (every RelationshipType, each its own Neo4j type) matching the
//          filter, ordered by id; the ends and the type are read from the pattern, not from properties.
//          The network projection reads these pages (services/networkSnapshot.ts).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $nodeId (either end), $fromId, $toId, $status, $type
// Returns: props (the relationship's properties with type, fromId and toId from the edge), at most $limit rows
// Mode: READ
MATCH (a:Stakeholder)-[r:PARTNER|MEMBER_OF|WORKS_WITH|REFERS_TO|SERVES|FUNDS|INCUBATED_BY|SUPERVISES|KNOWS]->(b:Stakeholder)
WHERE r.id > $after
  AND ($nodeId IS NULL OR a.id = $nodeId OR b.id = $nodeId)
  AND ($fromId IS NULL OR a.id = $fromId)
  AND ($toId IS NULL OR b.id = $toId)
  AND ($status IS NULL OR r.status = $status)
  AND ($type IS NULL OR type(r) = $type)
RETURN r {.*, type: type(r), fromId: a.id, toId: b.id} AS props
ORDER BY r.id
LIMIT $limit
