// Purpose: increment the network version (GraphStore.version()): run only by writes that change the stakeholder
//          projection (townships, villages, people, organisations, services, relationships; rare designer/admin
//          writes), never by household, need, referral, assistance, consent, account or audit writes, so no node is
//          written by every write transaction. The SET reads c.value in its own right-hand side, so Cypher takes the
//          write lock before reading and concurrent bumps never lose an increment.
// Parameters: none
// Returns: version (after the increment)
// Mode: WRITE
MERGE (c:NetworkVersion {name: 'network'})
SET c.value = coalesce(c.value, 0) + 1
RETURN c.value AS version
