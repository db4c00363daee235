// Purpose: insert or replace :Service nodes by id (seed/bulk; also update() of one Service): running it twice
//          creates nothing twice. A property given as null is removed; one left out keeps its stored value.
//          Stakeholders also carry the :Stakeholder label (relationship ends are found by id through it).
// Parameters: $rows: list of {id, props (node properties, see entityProps.ts)}
// Returns: written (rows written)
// Mode: WRITE
UNWIND $rows AS row
MERGE (n:Service {id: row.id})
SET n += row.props, n:Stakeholder
RETURN count(n) AS written
