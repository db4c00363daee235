// Purpose: how many :Service nodes match the filter (a page's totalCount).
// Parameters: filter (null = any): $category, $organizationId, $status, $online
// Returns: total
// Mode: READ
MATCH (n:Service)
WHERE ($category IS NULL OR $category IN n.categories)
  AND ($organizationId IS NULL OR n.organizationId = $organizationId)
  AND ($status IS NULL OR n.status = $status)
  AND ($online IS NULL OR n.online = $online)
RETURN count(n) AS total
