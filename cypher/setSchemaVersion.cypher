// Purpose: record that the database is at layout $version (the upgrade is complete), when and what it moved.
// Parameters: $version, $at: ISO timestamp, $relationships: [:LINK] edges retyped, $personEdges: person edges renamed
// Returns: version
// Mode: WRITE
MERGE (s:HuzhuSchema {name: 'graph'})
SET s.version = $version, s.upgradedAt = $at, s.upgradingAt = null,
    s.lastUpgradeRelationships = $relationships, s.lastUpgradePersonEdges = $personEdges
RETURN s.version AS version
