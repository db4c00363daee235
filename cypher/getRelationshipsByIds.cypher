// Purpose: the stakeholder relationships with the given ids (any RelationshipType); ids that do not exist give no row.
// Parameters: $ids: list of Relationship ids
// Returns: id, props (the relationship's properties with type, fromId and toId from the edge)
// Mode: READ
UNWIND $ids AS id
MATCH (a:Stakeholder)-[r:PARTNER|MEMBER_OF|WORKS_WITH|REFERS_TO|SERVES|FUNDS|INCUBATED_BY|SUPERVISES|KNOWS]->(b:Stakeholder)
WHERE r.id = id
RETURN r.id AS id, r {.*, type: type(r), fromId: a.id, toId: b.id} AS props
