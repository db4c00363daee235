// Purpose: take the plan's write lock, then read it (updatePlan, deletePlan, applyPlan): the status and version
//          checked on what it returns cannot be passed by a concurrent write, so a plan is applied once.
// Parameters: $id
// Returns: props (no row when the plan does not exist)
// Mode: WRITE
MATCH (p:Plan {id: $id})
SET p._lock = true
REMOVE p._lock
RETURN properties(p) AS props
