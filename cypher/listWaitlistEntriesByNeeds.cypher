// Purpose: every waiting-list entry of these needs, on any service.
// Parameters: $needIds (list of need ids)
// Returns: props (the entry's properties), ordered by needId, then serviceId
// Mode: READ
UNWIND $needIds AS needId
MATCH (w:WaitlistEntry {needId: needId})
RETURN properties(w) AS props
ORDER BY w.needId, w.serviceId
