// Purpose: the :Person nodes that match the filter (assignments from the person's own list properties).
// Parameters: $role, $villageId, $townshipId, $organizationId
MATCH (n:Person)
WHERE ($role IS NULL OR $role IN n.roles)
  AND ($villageId IS NULL OR $villageId IN n.villageIds)
  AND ($townshipId IS NULL OR $townshipId IN n.townshipIds)
  AND ($organizationId IS NULL OR n.organizationId = $organizationId)
