// Purpose: the stakeholder relationships ([:LINK]) with the given ids; ids that do not exist give no row.
// Parameters: $ids: list of Relationship ids
// Returns: id, props (all relationship properties)
// Mode: READ
UNWIND $ids AS id
MATCH ()-[r:LINK {id: id}]->()
RETURN r.id AS id, properties(r) AS props
