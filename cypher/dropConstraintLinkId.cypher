// Purpose: after the upgrade to layout 2: drop layout 1's constraint on [:LINK].id (replaced by one per relationship
//          type, createConstraintRelationshipId*); a no-op when it is gone.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
DROP CONSTRAINT link_id IF EXISTS
