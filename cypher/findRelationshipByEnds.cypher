// Purpose: the stakeholder relationship of a type from one stakeholder to another, if any.
// Parameters: $fromId, $toId, $type: RelationshipType
// Returns: id, props (at most one row)
// Mode: READ
MATCH ()-[r:LINK {fromId: $fromId, toId: $toId, type: $type}]->()
RETURN r.id AS id, properties(r) AS props
