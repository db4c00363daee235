// Purpose: how many sign-in accounts there are (listAccounts' totalCount).
// Parameters: none
// Returns: total
// Mode: READ
MATCH (a:Account)
RETURN count(a) AS total
