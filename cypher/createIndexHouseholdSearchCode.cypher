// Purpose: text index on :Household.searchCode (the household code 户号, upper case), which serves CONTAINS
//          (searchHouseholdsByCode).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE TEXT INDEX household_search_code IF NOT EXISTS
FOR (n:Household) ON (n.searchCode)
