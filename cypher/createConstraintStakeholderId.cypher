// Purpose: every :Stakeholder node (township, village, person, organisation, service) has a unique id,
//          so a Relationship end can be found by id without knowing its kind.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT stakeholder_id IF NOT EXISTS
FOR (n:Stakeholder) REQUIRE n.id IS UNIQUE
