// Purpose: the village holding an official code, if any (uniqueness check before create/update).
// Parameters: $code: 12-digit NBS code
// Returns: id (at most one row)
// Mode: READ
MATCH (n:Village {code: $code})
RETURN n.id AS id
