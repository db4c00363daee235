// Purpose: one page of :Organization nodes matching the filter, ordered by id (keyset pagination: ids after $after).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $kind, $townshipId
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Organization)
WHERE n.id > $after
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($townshipId IS NULL OR n.townshipId = $townshipId)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
