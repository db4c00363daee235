// Purpose: spatial prefilter for :Village locations (point.distance / point.withinBBox use it).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE POINT INDEX village_location IF NOT EXISTS
FOR (n:Village) ON (n.location)
