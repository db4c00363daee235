// Purpose: the network version (0 before the first stakeholder write); see bumpNetworkVersion.
// Parameters: none
// Returns: version
// Mode: READ
OPTIONAL MATCH (c:NetworkVersion {name: 'network'})
RETURN coalesce(c.value, 0) AS version
