// Purpose: replace the seed's progress record (one per store; GraphStore.putSeedRun). It is not data caches
//          depend on, so the store version is not bumped.
// Parameters: $status, $households, $seed, $batchSize, $stepsDone, $startedAt, $updatedAt, $completedAt (null until complete)
// Returns: nothing
// Mode: WRITE
MERGE (s:SeedRun {name: 'seed'})
SET s.status = $status, s.households = $households, s.seed = $seed, s.batchSize = $batchSize,
    s.stepsDone = $stepsDone, s.startedAt = $startedAt, s.updatedAt = $updatedAt, s.completedAt = $completedAt
