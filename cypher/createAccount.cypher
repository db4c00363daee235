// Purpose: store a new sign-in account (createAccount). The id and login constraints reject a duplicate.
// Parameters: $props (every AccountRecord field; null fields are absent)
// Returns: id
// Mode: WRITE
CREATE (a:Account)
SET a = $props
RETURN a.id AS id
