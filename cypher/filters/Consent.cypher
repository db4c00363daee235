// Purpose: the :Consent nodes that match the filter.
// Parameters: $householdId
MATCH (n:Consent)
WHERE ($householdId IS NULL OR n.householdId = $householdId)
