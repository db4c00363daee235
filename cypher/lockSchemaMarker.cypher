// Purpose: first statement of every upgrade batch: create the schema marker if missing and take its write lock
//          (SET), so API instances starting at the same time upgrade one batch at a time and never move the same
//          edge twice. Ordinary writes never touch the marker.
// Parameters: $at: ISO timestamp of the batch
// Returns: version (the marker's version before this upgrade finishes; 1 when just created)
// Mode: WRITE
MERGE (s:HuzhuSchema {name: 'graph'})
ON CREATE SET s.version = 1
SET s.upgradingAt = $at
RETURN s.version AS version
