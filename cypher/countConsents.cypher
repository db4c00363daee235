// Purpose: how many :Consent nodes match the filter (a page's totalCount).
// Parameters: filter (null = any): $householdId
// Returns: total
// Mode: READ
MATCH (n:Consent)
WHERE ($householdId IS NULL OR n.householdId = $householdId)
RETURN count(n) AS total
