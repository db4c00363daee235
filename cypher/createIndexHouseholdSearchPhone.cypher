// Purpose: text index on :Household.searchPhone (the head's phone, digits only), which serves CONTAINS: a phone
//          found by any digits typed (searchHouseholdsByPhone).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE TEXT INDEX household_search_phone IF NOT EXISTS
FOR (n:Household) ON (n.searchPhone)
