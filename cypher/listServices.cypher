// Purpose: one page of :Service nodes matching the filter, ordered by id (keyset pagination: ids after $after).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $category, $organizationId, $status, $online
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Service)
WHERE n.id > $after
  AND ($category IS NULL OR $category IN n.categories)
  AND ($organizationId IS NULL OR n.organizationId = $organizationId)
  AND ($status IS NULL OR n.status = $status)
  AND ($online IS NULL OR n.online = $online)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
