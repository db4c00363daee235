// Purpose: one page of sign-in accounts ordered by id (keyset pagination: ids after $after).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (a:Account)
WHERE a.id > $after
RETURN properties(a) AS props
ORDER BY a.id
LIMIT $limit
