// Purpose: replace a locked account's properties with the record computed from it (after lockAccount).
// Parameters: $id, $props (every AccountRecord field; null fields are absent)
// Returns: id, props (no row when the account does not exist)
// Mode: WRITE
MATCH (a:Account {id: $id})
SET a = $props
RETURN a.id AS id, properties(a) AS props
