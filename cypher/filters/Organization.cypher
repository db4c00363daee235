// Purpose: the :Organization nodes that match the filter.
// Parameters: $kind, $townshipId
MATCH (n:Organization)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($townshipId IS NULL OR n.townshipId = $townshipId)
