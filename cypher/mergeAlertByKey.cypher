// Purpose: write a pushed alert once under its key (recordAlert): created only when no alert holds the key;
//          created is true only for the caller whose $id was stored (the one that sends it to outbound sinks).
// Parameters: $key, $id (the new alert's id), $props (every stored property; deliveries as JSON text)
// Returns: props (the stored alert's properties), created
// Mode: WRITE
MERGE (a:Alert {key: $key})
  ON CREATE SET a = $props
RETURN properties(a) AS props, a.id = $id AS created
