// Purpose: set a service's capacity (null = no stated limit). It may go below activeReferrals: those carry on,
//          and claimServiceCapacity refuses new claims until enough end.
// Parameters: $serviceId, $capacity (integer or null)
// Returns: id, props (no row when the service is missing)
// Mode: WRITE
MATCH (s:Service {id: $serviceId})
SET s.capacity = $capacity
RETURN s.id AS id, properties(s) AS props
