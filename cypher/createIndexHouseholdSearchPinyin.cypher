// Purpose: full-text index on :Household.searchPinyin, the space-separated pinyin tokens of the head's name (full
//          pinyin and initials from every syllable on: wangxiaoming xiaoming ming wxm xm m). The whitespace analyzer
//          keeps each token whole (no stop words: "an" is a syllable), so a prefix query finds names by the pinyin
//          typed so far (searchHouseholdsByPinyin).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE FULLTEXT INDEX household_search_pinyin IF NOT EXISTS
FOR (n:Household) ON EACH [n.searchPinyin]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}}
