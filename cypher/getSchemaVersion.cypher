// Purpose: the layout version of the database, from the schema marker (:HuzhuSchema {name: 'graph'}); 1 when there
//          is no marker (a database written before markers existed: stakeholder relationships as [:LINK {type}]).
//          Only init() reads or writes the marker: no ordinary write touches it (issue 13 item 3).
// Parameters: none
// Returns: version
// Mode: READ
OPTIONAL MATCH (s:HuzhuSchema {name: 'graph'})
RETURN coalesce(s.version, 1) AS version
