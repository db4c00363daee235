// Purpose: the household holding a household code (户号), if any.
// Parameters: $householdCode
// Returns: id, props (at most one row)
// Mode: READ
MATCH (n:Household {householdCode: $householdCode})
RETURN n.id AS id, properties(n) AS props
