// Purpose: create one :Person node (create(); the caller has checked references and unique keys in the same
//          transaction, and the id constraint turns a concurrent duplicate into a constraint failure).
//          Stakeholders also carry the :Stakeholder label (relationship ends are found by id through it).
// Parameters: $props (node properties, see entityProps.ts)
// Returns: id
// Mode: WRITE
CREATE (n:Person:Stakeholder)
SET n = $props
RETURN n.id AS id
