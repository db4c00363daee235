// Purpose: spatial prefilter for :Organization locations (point.distance / point.withinBBox use it).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE POINT INDEX organization_location IF NOT EXISTS
FOR (n:Organization) ON (n.location)
