// Purpose: first load (insertNew): create :Household nodes known to be new, with their reference edges
//          (h)-[:LIVES_IN]->(Village) and, with a loan, (h)-[:BORROWS_FROM]->(credit officer), in one statement.
//          CREATE, not MERGE, and no old edges to delete: an id already stored breaks the id constraint and the
//          whole transaction rolls back (the adapter then names the id in a CONFLICT).
// Parameters: $rows: list of {props (node properties, see entityProps.ts), villageId, creditOfficerId (null without a loan)}
// Returns: written (households created)
// Mode: WRITE
UNWIND $rows AS row
CREATE (h:Household)
SET h = row.props
WITH h, row
CALL (h, row) {
  MATCH (v:Village {id: row.villageId})
  CREATE (h)-[:LIVES_IN]->(v)
}
CALL (h, row) {
  MATCH (p:Person {id: row.creditOfficerId})
  CREATE (h)-[:BORROWS_FROM]->(p)
}
RETURN count(h) AS written
