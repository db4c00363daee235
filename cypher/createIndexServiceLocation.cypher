// Purpose: spatial prefilter for :Service locations (point.distance / point.withinBBox use it).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE POINT INDEX service_location IF NOT EXISTS
FOR (n:Service) ON (n.location)
