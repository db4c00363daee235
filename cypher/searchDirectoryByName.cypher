// Purpose: candidate directory records (townships, villages, organisations, services, people) for a search by
//          name in 汉字, through the CJK full-text index.
// Parameters: $lucene: the Lucene query (src/store/neo4j/luceneQuery.ts), $labels: the kinds asked for
// Returns: id, displayName (a village's display name, else the name), name, pinyinWhole, pinyin (stored search keys)
// Mode: READ
CALL db.index.fulltext.queryNodes('directory_search_name', $lucene) YIELD node AS n
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN n.id AS id, coalesce(n.displayName, n.name) AS displayName, n.searchName AS name,
       n.searchPinyinWhole AS pinyinWhole, n.searchPinyin AS pinyin
