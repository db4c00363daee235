// Purpose: full-text index (whitespace analyzer: tokens kept whole) on the searchPinyin tokens of the directory's
//          records, for searchDirectoryByPinyin (王泗镇 found by "wangsi" and "ws").
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE FULLTEXT INDEX directory_search_pinyin IF NOT EXISTS
FOR (n:Township|Village|Organization|Service|Person) ON EACH [n.searchPinyin]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}}
