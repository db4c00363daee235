// Purpose: how many :Assistance nodes match the filter (a page's totalCount).
// Parameters: filter (null = any): $needId, $referralId
// Returns: total
// Mode: READ
MATCH (n:Assistance)
WHERE ($needId IS NULL OR n.needId = $needId)
  AND ($referralId IS NULL OR n.referralId = $referralId)
RETURN count(n) AS total
