// Purpose: unique pushed-alert ids (issue 15 item 5).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT alert_id IF NOT EXISTS
FOR (a:Alert) REQUIRE a.id IS UNIQUE
