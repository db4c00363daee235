// Purpose: one page of :Consent nodes matching the filter, ordered by id (keyset pagination: ids after $after).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $householdId
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Consent)
WHERE n.id > $after
  AND ($householdId IS NULL OR n.householdId = $householdId)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
