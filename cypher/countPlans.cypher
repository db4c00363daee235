// Purpose: how many saved plans there are (listPlans' totalCount).
// Parameters: none
// Returns: total
// Mode: READ
MATCH (p:Plan)
RETURN count(p) AS total
