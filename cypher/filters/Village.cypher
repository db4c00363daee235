// Purpose: the :Village nodes that match the filter; the township through the IN_TOWNSHIP edge.
// Parameters: $townshipId, $type
// Anchor $townshipId: (:Township {id: $townshipId})<-[:IN_TOWNSHIP]-(n:Village)
MATCH (n:Village)
WHERE ($townshipId IS NULL OR EXISTS { (n)-[:IN_TOWNSHIP]->(:Township {id: $townshipId}) })
  AND ($type IS NULL OR n.type = $type)
