// Purpose: the :Assistance nodes that match the filter.
// Parameters: $needId, $referralId
MATCH (n:Assistance)
WHERE ($needId IS NULL OR n.needId = $needId)
  AND ($referralId IS NULL OR n.referralId = $referralId)
