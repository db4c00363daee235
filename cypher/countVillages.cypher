// Purpose: how many :Village nodes match the filter (a page's totalCount).
// Parameters: filter (null = any): $townshipId, $type
// Returns: total
// Mode: READ
MATCH (n:Village)
WHERE ($townshipId IS NULL OR n.townshipId = $townshipId)
  AND ($type IS NULL OR n.type = $type)
RETURN count(n) AS total
