// Purpose: store recomputed search keys on households (the start-up backfill); nothing else changes, so the
//          store version is not bumped.
// Parameters: $rows: list of {id, keys (the search* properties, see src/store/neo4j/searchProps.ts)}
// Returns: written (households updated)
// Mode: WRITE
UNWIND $rows AS row
MATCH (n:Household {id: row.id})
SET n += row.keys
RETURN count(n) AS written
