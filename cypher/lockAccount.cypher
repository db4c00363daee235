// Purpose: take the account's write lock, then read it (updateAccount, login counters, endAccountSessions): the
//          change computed from what it returns cannot lose a concurrent one, so failed-attempt counts add up
//          across API instances.
// Parameters: $id
// Returns: id, props (no row when the account does not exist)
// Mode: WRITE
MATCH (a:Account {id: $id})
SET a._lock = true
REMOVE a._lock
RETURN a.id AS id, properties(a) AS props
