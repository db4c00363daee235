// Purpose: how many layout-1 [:LINK] edges are left after the upgrade (only those whose type is not a
//          RelationshipType can be: they are kept, and init() reports them).
// Parameters: none
// Returns: total
// Mode: READ
MATCH ()-[old:LINK]->()
RETURN count(old) AS total
