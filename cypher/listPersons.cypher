// Purpose: one page of :Person nodes matching the filter, ordered by id (keyset pagination: ids after $after).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $role, $villageId, $townshipId, $organizationId
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Person)
WHERE n.id > $after
  AND ($role IS NULL OR $role IN n.roles)
  AND ($villageId IS NULL OR $villageId IN n.villageIds)
  AND ($townshipId IS NULL OR $townshipId IN n.townshipIds)
  AND ($organizationId IS NULL OR n.organizationId = $organizationId)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
