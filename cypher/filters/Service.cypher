// Purpose: the :Service nodes that match the filter.
// Parameters: $category, $organizationId, $status, $online
MATCH (n:Service)
WHERE ($category IS NULL OR $category IN n.categories)
  AND ($organizationId IS NULL OR n.organizationId = $organizationId)
  AND ($status IS NULL OR n.status = $status)
  AND ($online IS NULL OR n.online = $online)
