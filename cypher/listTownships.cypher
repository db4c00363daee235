// Purpose: one page of :Township nodes matching the filter, ordered by id (keyset pagination: ids after $after).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $kind
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Township)
WHERE n.id > $after
  AND ($kind IS NULL OR n.kind = $kind)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
