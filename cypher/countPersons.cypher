// Purpose: how many :Person nodes match the filter (a page's totalCount).
// Parameters: filter (null = any): $role, $villageId, $townshipId, $organizationId
// Returns: total
// Mode: READ
MATCH (n:Person)
WHERE ($role IS NULL OR $role IN n.roles)
  AND ($villageId IS NULL OR $villageId IN n.villageIds)
  AND ($townshipId IS NULL OR $townshipId IN n.townshipIds)
  AND ($organizationId IS NULL OR n.organizationId = $organizationId)
RETURN count(n) AS total
