// Purpose: one saved plan by id (getPlan).
// Parameters: $id
// Returns: props (all node properties; changes as the JSON string changesJson); no row when there is none
// Mode: READ
MATCH (p:Plan {id: $id})
RETURN properties(p) AS props
