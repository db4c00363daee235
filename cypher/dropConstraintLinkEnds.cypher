// Purpose: after the upgrade to layout 2: drop layout 1's (fromId, toId, type) constraint on [:LINK] (replaced by
//          createConstraintRelationshipEnds*); a no-op when it is gone.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
DROP CONSTRAINT link_ends IF EXISTS
