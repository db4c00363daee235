// Purpose: the seed's progress record (one per store; GraphStore.getSeedRun), or no row when the store was never seeded.
// Parameters: none
// Returns: status, households, seed, batchSize, stepsDone, startedAt, updatedAt, completedAt (null until complete)
// Mode: READ
MATCH (s:SeedRun {name: 'seed'})
RETURN s.status AS status, s.households AS households, s.seed AS seed, s.batchSize AS batchSize,
       s.stepsDone AS stepsDone, s.startedAt AS startedAt, s.updatedAt AS updatedAt, s.completedAt AS completedAt
