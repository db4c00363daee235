// Purpose: one page of :Assistance nodes matching the filter, ordered by id (keyset pagination: ids after $after).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $needId, $referralId
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Assistance)
WHERE n.id > $after
  AND ($needId IS NULL OR n.needId = $needId)
  AND ($referralId IS NULL OR n.referralId = $referralId)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
