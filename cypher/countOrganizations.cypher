// Purpose: how many :Organization nodes match the filter (a page's totalCount).
// Parameters: filter (null = any): $kind, $townshipId
// Returns: total
// Mode: READ
MATCH (n:Organization)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($townshipId IS NULL OR n.townshipId = $townshipId)
RETURN count(n) AS total
