// Purpose: households whose search keys are missing or from another SEARCH_KEYS_VERSION (written before search
//          existed, or by an older version): the start-up backfill recomputes them, a batch at a time.
// Parameters: $version: the current SEARCH_KEYS_VERSION, $limit: batch size
// Returns: id, headJson, householdCode (what the keys are computed from), at most $limit rows
// Mode: READ
MATCH (n:Household)
WHERE n.searchKeysVersion IS NULL OR n.searchKeysVersion <> $version
RETURN n.id AS id, n.headJson AS headJson, n.householdCode AS householdCode
LIMIT $limit
