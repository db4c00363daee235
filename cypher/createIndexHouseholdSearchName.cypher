// Purpose: full-text index with the CJK analyzer (bigrams of Han characters) on :Household.searchName, the head's
//          name as search sees it (src/domain/pinyinKeys.ts), so 汉字 typed anywhere in a name find it
//          (searchHouseholdsByName).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE FULLTEXT INDEX household_search_name IF NOT EXISTS
FOR (n:Household) ON EACH [n.searchName]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}}
