// Purpose: insert or replace stakeholder relationships by id (seed/bulk; also update() of one Relationship).
//          A relationship is a real edge of its own type between its two stakeholders, so when an id already exists
//          the old edge is deleted and a new one drawn (its ends or its type may have changed). Running it twice
//          creates nothing twice. Rows whose ends do not exist give no result (the caller checks the ends first).
// Parameters: $rows: list of {id, fromId, toId, type, props (relationship properties without type)}
// Returns: written (relationships drawn)
// Mode: WRITE
UNWIND $rows AS row
CALL (row) {
  MATCH ()-[old:PARTNER|MEMBER_OF|WORKS_WITH|REFERS_TO|SERVES|FUNDS|INCUBATED_BY|SUPERVISES|KNOWS]->()
  WHERE old.id = row.id
  DELETE old
}
MATCH (a:Stakeholder {id: row.fromId}), (b:Stakeholder {id: row.toId})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS written
