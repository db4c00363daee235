// Purpose: compute the household counters of villages that have none yet (an upgraded database at init, a village
//          just written), counting their households once; idempotent. Takes each village's write lock first, so a
//          household write committing meanwhile is either counted here or adds its delta after this commits.
// Parameters: $ids (village ids, or null for every village), $limit (villages per call)
// Returns: written (villages given counters)
// Mode: WRITE
MATCH (v:Village)
WHERE v.householdCount IS NULL AND ($ids IS NULL OR v.id IN $ids)
WITH v ORDER BY v.id LIMIT $limit
SET v._lock = true
REMOVE v._lock
WITH v
CALL (v) {
  OPTIONAL MATCH (h:Household {villageId: v.id})
  RETURN count(h) AS households, count(CASE WHEN h.vulnerabilityScore > 0 THEN 1 END) AS vulnerable
}
SET v.householdCount = households, v.vulnerableHouseholdCount = vulnerable
RETURN count(v) AS written
