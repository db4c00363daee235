// Purpose: GraphStore.networkProjection: the whole stakeholder projection in one statement (the network view's
//          rebuild, services/networkSnapshot.ts), each kind by id: every :Township, :Village, :Person, :Organization
//          and :Service node with all its properties (what the list statements return), and every stakeholder
//          relationship read by its pattern, (a)-[r:<type>]->(b), its type and ends taken from the edge (as the
//          relationship list does). The ends carry no label: these nine types are only ever drawn between :Stakeholder
//          nodes (upsertRelationships, createRelationship), and without labels the planner scans the nine types
//          (DirectedUnionRelationshipTypesScan, 142 db hits at the seed) instead of every :Stakeholder and its edges
//          (NodeByLabelScan + Expand, 1,553). Nodes are read by label, not through their reference edges: a record
//          upserted before its target has no edge yet and must still be here, and the label scan is the cheaper
//          anyway (villages: 2,647 db hits by label, 2,923 through IN_TOWNSHIP). No paging, no counts. The network
//          version is read first (the one row every COLLECT below is applied to); the store reads it again
//          (getNetworkVersion) after this statement in the same read transaction, and reads again when it moved, so
//          the records are those of one version.
// Parameters: none
// Returns: version (the network version before the records were read), townships, villages, people, organizations,
//          services (lists of all node properties, by id), relationships (list of the relationship's properties
//          with type, fromId and toId from the edge, by id)
// Mode: READ
OPTIONAL MATCH (c:NetworkVersion {name: 'network'})
WITH coalesce(c.value, 0) AS version
RETURN
  version,
  COLLECT { MATCH (n:Township) RETURN properties(n) AS props ORDER BY n.id } AS townships,
  COLLECT { MATCH (n:Village) RETURN properties(n) AS props ORDER BY n.id } AS villages,
  COLLECT { MATCH (n:Person) RETURN properties(n) AS props ORDER BY n.id } AS people,
  COLLECT { MATCH (n:Organization) RETURN properties(n) AS props ORDER BY n.id } AS organizations,
  COLLECT { MATCH (n:Service) RETURN properties(n) AS props ORDER BY n.id } AS services,
  COLLECT {
    MATCH (a)-[r:PARTNER|MEMBER_OF|WORKS_WITH|REFERS_TO|SERVES|FUNDS|INCUBATED_BY|SUPERVISES|KNOWS]->(b)
    RETURN r {.*, type: type(r), fromId: a.id, toId: b.id} AS props ORDER BY r.id
  } AS relationships
