// Purpose: the :Referral nodes that match the filter.
// Parameters: $needId, $serviceId, $organizationId, $householdId, $status, $reason
MATCH (n:Referral)
WHERE ($needId IS NULL OR n.needId = $needId)
  AND ($serviceId IS NULL OR n.serviceId = $serviceId)
  AND ($organizationId IS NULL OR n.organizationId = $organizationId)
  AND ($householdId IS NULL OR n.householdId = $householdId)
  AND ($status IS NULL OR n.status = $status)
  AND ($reason IS NULL OR n.reason = $reason)
