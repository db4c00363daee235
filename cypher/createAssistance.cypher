// Purpose: create one :Assistance node (create(); the caller has checked references and unique keys in the same
//          transaction, and the id constraint turns a concurrent duplicate into a constraint failure).
// Parameters: $props (node properties, see entityProps.ts)
// Returns: id
// Mode: WRITE
CREATE (n:Assistance)
SET n = $props
RETURN n.id AS id
