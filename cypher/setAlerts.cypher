// Purpose: store pushed alerts computed after lockAlertsByIds (read marks, delivery outcomes).
// Parameters: $rows (each { id, props })
// Returns: props, one row per alert written
// Mode: WRITE
UNWIND $rows AS row
MATCH (a:Alert {id: row.id})
SET a = row.props
RETURN properties(a) AS props
