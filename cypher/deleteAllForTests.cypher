// Purpose: TESTS ONLY (contract-suite reset): delete every node and relationship except the network-version
//          counter, which stays monotonic across resets, the schema marker (HuzhuSchema) and the retired StoreVersion node, if any.
// Parameters: none
// Returns: nothing
// Mode: WRITE
MATCH (n)
WHERE NOT n:NetworkVersion AND NOT n:StoreVersion AND NOT n:HuzhuSchema
DETACH DELETE n
