// Purpose: draw one stakeholder relationship as a [:LINK] edge (create(); the caller has checked both ends and
//          the (fromId, toId, type) key in the same transaction; the constraints catch a concurrent duplicate).
// Parameters: $fromId, $toId, $props (relationship properties, see entityProps.ts)
// Returns: id (no row when an end does not exist)
// Mode: WRITE
MATCH (a:Stakeholder {id: $fromId}), (b:Stakeholder {id: $toId})
CREATE (a)-[r:LINK]->(b)
SET r = $props
RETURN r.id AS id
