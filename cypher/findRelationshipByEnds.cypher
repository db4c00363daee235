// Purpose: the stakeholder relationship of a type from one stakeholder to another, if any: a traversal from the
//          first stakeholder (found by its unique id) over its outgoing edges of that type.
// Parameters: $fromId, $toId, $type: RelationshipType
// Returns: id, props (at most one row)
// Mode: READ
MATCH (a:Stakeholder {id: $fromId})-[r:PARTNER|MEMBER_OF|WORKS_WITH|REFERS_TO|SERVES|FUNDS|INCUBATED_BY|SUPERVISES|KNOWS]->(b:Stakeholder {id: $toId})
WHERE type(r) = $type
RETURN r.id AS id, r {.*, type: type(r), fromId: a.id, toId: b.id} AS props
