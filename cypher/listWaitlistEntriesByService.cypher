// Purpose: a service's waiting-list entries, each with its need's status (settling drops needs no longer OPEN);
//          unordered: the order is domain/waitlistOrder, applied by the adapter.
// Parameters: $serviceId
// Returns: props (the entry's properties), needStatus (null when the need is gone)
// Mode: READ
MATCH (w:WaitlistEntry {serviceId: $serviceId})
OPTIONAL MATCH (n:Need {id: w.needId})
RETURN properties(w) AS props, n.status AS needStatus
