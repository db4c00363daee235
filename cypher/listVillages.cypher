// Purpose: one page of :Village nodes matching the filter, ordered by id (keyset pagination: ids after $after).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $townshipId, $type
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Village)
WHERE n.id > $after
  AND ($townshipId IS NULL OR n.townshipId = $townshipId)
  AND ($type IS NULL OR n.type = $type)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
