// Purpose: how many :Township nodes match the filter (a page's totalCount).
// Parameters: filter (null = any): $kind
// Returns: total
// Mode: READ
MATCH (n:Township)
WHERE ($kind IS NULL OR n.kind = $kind)
RETURN count(n) AS total
