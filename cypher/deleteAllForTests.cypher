// Purpose: TESTS ONLY (contract-suite reset): delete every node and relationship except the store-version
//          counter, which stays monotonic across resets.
// Parameters: none
// Returns: nothing
// Mode: WRITE
MATCH (n)
WHERE NOT n:StoreVersion
DETACH DELETE n
