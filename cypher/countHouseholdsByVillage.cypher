// Purpose: household counts per village (villages without households give no row).
// Parameters: none
// Returns: villageId, households, vulnerable (households with vulnerabilityScore > 0); ordered by villageId
// Mode: READ
MATCH (h:Household)
RETURN h.villageId AS villageId,
       count(h) AS households,
       count(CASE WHEN h.vulnerabilityScore > 0 THEN 1 END) AS vulnerable
ORDER BY villageId
