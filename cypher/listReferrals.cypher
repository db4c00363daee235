// Purpose: one page of :Referral nodes matching the filter, ordered by id (keyset pagination: ids after $after).
// Parameters: $after: last id of the previous page ('' for the first page), $limit: page size + 1,
//             filter (null = any): $needId, $serviceId, $organizationId, $householdId, $status, $reason
// Returns: props (all node properties), at most $limit rows
// Mode: READ
MATCH (n:Referral)
WHERE n.id > $after
  AND ($needId IS NULL OR n.needId = $needId)
  AND ($serviceId IS NULL OR n.serviceId = $serviceId)
  AND ($organizationId IS NULL OR n.organizationId = $organizationId)
  AND ($householdId IS NULL OR n.householdId = $householdId)
  AND ($status IS NULL OR n.status = $status)
  AND ($reason IS NULL OR n.reason = $reason)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
