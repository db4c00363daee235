// Purpose: store recomputed search keys on directory records (the start-up backfill); no data changes.
// Parameters: $rows: list of {id, keys (the search* properties, see src/store/neo4j/searchProps.ts)}
// Returns: written (records updated)
// Mode: WRITE
UNWIND $rows AS row
MATCH (n:Stakeholder {id: row.id})
SET n += row.keys
RETURN count(n) AS written
