// Purpose: replace a locked plan's properties with the record computed from it (after lockPlan).
// Parameters: $id, $props (every PlanRecord field, changes as the JSON string changesJson; null fields are absent)
// Returns: props (no row when the plan does not exist)
// Mode: WRITE
MATCH (p:Plan {id: $id})
SET p = $props
RETURN properties(p) AS props
