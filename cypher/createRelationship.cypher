// Purpose: draw one stakeholder relationship as an edge of its own Neo4j type, e.g. (:Person)-[:KNOWS]->(:Organization)
//          (create(); the caller has checked both ends and the (fromId, toId, type) key in the same transaction; the
//          per-type constraints catch a concurrent duplicate). The type is not a property: type(r) is the type.
// Parameters: $fromId, $toId, $type (a RelationshipType, checked by the domain schema), $props (relationship
//             properties without type, see Neo4jStore relationshipRow)
// Returns: id (no row when an end does not exist)
// Mode: WRITE
MATCH (a:Stakeholder {id: $fromId}), (b:Stakeholder {id: $toId})
CREATE (a)-[r:$($type)]->(b)
SET r = $props
RETURN r.id AS id
