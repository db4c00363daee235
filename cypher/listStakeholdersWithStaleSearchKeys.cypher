// Purpose: directory records (every :Stakeholder: townships, villages, organisations, services, people) whose
//          search keys are missing or from another SEARCH_KEYS_VERSION, for the start-up backfill.
// Parameters: $version: the current SEARCH_KEYS_VERSION, $limit: batch size
// Returns: id, name, displayName (villages; null elsewhere), at most $limit rows
// Mode: READ
MATCH (n:Stakeholder)
WHERE n.searchKeysVersion IS NULL OR n.searchKeysVersion <> $version
RETURN n.id AS id, n.name AS name, n.displayName AS displayName
LIMIT $limit
