// Purpose: per village and vulnerability marker, how many households carry the marker.
// Parameters: none
// Returns: villageId, marker, households (only markers that occur)
// Mode: READ
MATCH (h:Household)
UNWIND h.markers AS marker
RETURN h.villageId AS villageId, marker, count(h) AS households
