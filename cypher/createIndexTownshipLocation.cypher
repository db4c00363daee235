// Purpose: spatial prefilter for :Township locations (point.distance / point.withinBBox use it).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE POINT INDEX township_location IF NOT EXISTS
FOR (n:Township) ON (n.location)
