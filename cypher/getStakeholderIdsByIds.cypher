// Purpose: which of the given ids name an existing stakeholder (township, village, person, organisation,
//          service): the reference check for both ends of a Relationship.
// Parameters: $ids: list of ids of any kind
// Returns: id (one row per existing stakeholder)
// Mode: READ
UNWIND $ids AS id
MATCH (n:Stakeholder {id: id})
RETURN n.id AS id
