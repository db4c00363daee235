// Purpose: one schema marker per name ((:HuzhuSchema {name: 'graph', version})), so instances starting at once cannot
//          create two.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT huzhu_schema_name IF NOT EXISTS
FOR (s:HuzhuSchema) REQUIRE s.name IS UNIQUE
