// Purpose: the :Account nodes with the given ids (getAccounts: the session check of every signed-in request).
// Parameters: $ids: list of account ids
// Returns: id, props (all node properties); ids that do not exist give no row
// Mode: READ
UNWIND $ids AS id
MATCH (a:Account {id: id})
RETURN a.id AS id, properties(a) AS props
