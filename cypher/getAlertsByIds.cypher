// Purpose: pushed alerts by id (getAlerts).
// Parameters: $ids
// Returns: props, one row per id found
// Mode: READ
UNWIND $ids AS id
MATCH (a:Alert {id: id})
RETURN properties(a) AS props
