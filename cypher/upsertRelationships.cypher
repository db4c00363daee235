// Purpose: insert or replace stakeholder relationships by id (seed/bulk; also update() of one Relationship).
//          A relationship is a real [:LINK] edge between its two stakeholders, so when an id already exists the
//          old edge is deleted and a new one drawn (its ends may have changed). Running it twice creates nothing
//          twice. Rows whose ends do not exist give no result (the caller checks the ends first).
// Parameters: $rows: list of {id, fromId, toId, props (relationship properties, see entityProps.ts)}
// Returns: written (relationships drawn)
// Mode: WRITE
UNWIND $rows AS row
CALL (row) {
  MATCH ()-[old:LINK {id: row.id}]->()
  DELETE old
}
MATCH (a:Stakeholder {id: row.fromId}), (b:Stakeholder {id: row.toId})
CREATE (a)-[r:LINK]->(b)
SET r = row.props
RETURN count(r) AS written
