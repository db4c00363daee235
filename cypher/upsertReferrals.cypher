// Purpose: insert or replace :Referral nodes by id (seed/bulk; also update() of one Referral): running it twice
//          creates nothing twice. A property given as null is removed; one left out keeps its stored value.
// Parameters: $rows: list of {id, props (node properties, see entityProps.ts)}
// Returns: written (rows written)
// Mode: WRITE
UNWIND $rows AS row
MERGE (n:Referral {id: row.id})
SET n += row.props
RETURN count(n) AS written
