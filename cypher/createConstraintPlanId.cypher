// Purpose: one :Plan node per id (saved plans, issue 12 item 3); also the index getPlan and lockPlan use.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT plan_id IF NOT EXISTS
FOR (p:Plan) REQUIRE p.id IS UNIQUE
