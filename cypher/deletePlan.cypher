// Purpose: remove a locked saved plan (deletePlan, after lockPlan). A plan has no edges.
// Parameters: $id
// Returns: id (no row when the plan does not exist)
// Mode: WRITE
MATCH (p:Plan {id: $id})
WITH p, p.id AS id
DELETE p
RETURN id
