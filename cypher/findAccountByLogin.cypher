// Purpose: the account holding a login (sign-in, and naming the holder on a CONFLICT).
// Parameters: $login (lower-cased)
// Returns: id, props (no row when no account has it)
// Mode: READ
MATCH (a:Account {login: $login})
RETURN a.id AS id, properties(a) AS props
