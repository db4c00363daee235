// Purpose: upgrade to layout 2, one batch: services written before the area properties (areaKind, areaTownshipIds,
//          areaVillageIds, areaKm beside areaJson; serviceAreaProps.ts) existed, with the JSON they are derived from.
// Parameters: $limit: services per batch
// Returns: id, areaJson, at most $limit rows
// Mode: READ
MATCH (s:Service)
WHERE s.areaKind IS NULL
RETURN s.id AS id, s.areaJson AS areaJson
ORDER BY s.id
LIMIT $limit
