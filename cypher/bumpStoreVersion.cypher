// Purpose: increment the store version; the last statement of every write transaction, so caches keyed on the
//          version see each committed write. The SET reads c.value in its own right-hand side, so Cypher takes the
//          write lock before reading and concurrent bumps never lose an increment.
// Parameters: none
// Returns: version (after the increment)
// Mode: WRITE
MERGE (c:StoreVersion {name: 'graph'})
SET c.value = coalesce(c.value, 0) + 1
RETURN c.value AS version
