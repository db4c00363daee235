// Purpose: upgrade to layout 2, one batch: rewrite up to $limit stakeholder relationships stored as the generic
//          [:LINK {type, …}] (layout 1) as edges of their own Neo4j type (e.g. [:KNOWS]), every other property kept,
//          the old edge deleted. A LINK whose type is not a RelationshipType is left as it is (counted by
//          countLinkRelationships, never lost). Rerunning after a crash moves only what is left.
// Parameters: $limit: edges per batch, $types: the RelationshipType values
// Returns: migrated (edges rewritten in this batch)
// Mode: WRITE
MATCH (a)-[old:LINK]->(b)
WHERE old.type IN $types
WITH a, old, b
LIMIT $limit
CREATE (a)-[r:$(old.type)]->(b)
SET r = properties(old)
REMOVE r.type
DELETE old
RETURN count(r) AS migrated
