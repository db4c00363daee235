// Purpose: full-text index with the CJK analyzer on the searchName of the directory's records (townships,
//          villages, organisations, services, people), for searchDirectoryByName.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE FULLTEXT INDEX directory_search_name IF NOT EXISTS
FOR (n:Township|Village|Organization|Service|Person) ON EACH [n.searchName]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}}
