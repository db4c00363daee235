// Purpose: upgrade to layout 2: set the area properties of services (derived from areaJson by serviceAreaProps.ts;
//          a service whose areaJson cannot be read gets areaKind 'UNKNOWN', so it is not listed again).
// Parameters: $rows: list of {id, props: {areaKind, areaTownshipIds, areaVillageIds, areaKm}}
// Returns: migrated (services updated)
// Mode: WRITE
UNWIND $rows AS row
MATCH (s:Service {id: row.id})
SET s += row.props
RETURN count(s) AS migrated
