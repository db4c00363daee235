// Purpose: take the write locks of pushed alerts, then read them (markAlertsRead, setAlertDelivery), so two
//          readers marking the same alert at once both end up in readBy.
// Parameters: $ids
// Returns: props, one row per id found
// Mode: WRITE
UNWIND $ids AS id
MATCH (a:Alert {id: id})
SET a._lock = true
REMOVE a._lock
RETURN properties(a) AS props
