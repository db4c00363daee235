// Purpose: every need category, by code.
// Parameters: none
// Returns: props (all category properties)
// Mode: READ
MATCH (c:Category)
RETURN properties(c) AS props
ORDER BY c.code
