// Purpose: the :Township nodes that match the filter.
// Parameters: $kind
MATCH (n:Township)
WHERE ($kind IS NULL OR n.kind = $kind)
