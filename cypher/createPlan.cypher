// Purpose: store a new saved plan (createPlan). The id constraint rejects a duplicate.
// Parameters: $props (every PlanRecord field, changes as the JSON string changesJson; null fields are absent)
// Returns: id
// Mode: WRITE
CREATE (p:Plan)
SET p = $props
RETURN p.id AS id
