// Purpose: how many :Referral nodes match the filter (a page's totalCount).
// Parameters: filter (null = any): $needId, $serviceId, $organizationId, $householdId, $status, $reason
// Returns: total
// Mode: READ
MATCH (n:Referral)
WHERE ($needId IS NULL OR n.needId = $needId)
  AND ($serviceId IS NULL OR n.serviceId = $serviceId)
  AND ($organizationId IS NULL OR n.organizationId = $organizationId)
  AND ($householdId IS NULL OR n.householdId = $householdId)
  AND ($status IS NULL OR n.status = $status)
  AND ($reason IS NULL OR n.reason = $reason)
RETURN count(n) AS total
