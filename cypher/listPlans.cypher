// Purpose: one page of saved plans, newest first (ids are time-ordered): keyset pagination on ids before $after.
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (p:Plan)
WHERE $after = '' OR p.id < $after
RETURN properties(p) AS props
ORDER BY p.id DESC
LIMIT $limit
