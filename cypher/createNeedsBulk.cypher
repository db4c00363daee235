// Purpose: first load (insertNew): create :Need nodes known to be new with their (n)-[:OF_HOUSEHOLD]->(Household)
//          edge, in one statement. CREATE, not MERGE, and no old edges to delete: an id already stored breaks the
//          id constraint and the whole transaction rolls back (the adapter then names the id in a CONFLICT).
// Parameters: $rows: list of {props (node properties, see entityProps.ts), householdId}
// Returns: written (needs created)
// Mode: WRITE
UNWIND $rows AS row
CREATE (n:Need)
SET n = row.props
WITH n, row
CALL (n, row) {
  MATCH (h:Household {id: row.householdId})
  CREATE (n)-[:OF_HOUSEHOLD]->(h)
}
RETURN count(n) AS written
