// Purpose: candidate directory records for a search by name in pinyin (a prefix query on the pinyin tokens).
// Parameters: $lucene: the Lucene prefix query, $labels: the kinds asked for
// Returns: id, displayName (a village's display name, else the name), name, pinyinWhole, pinyin (stored search keys)
// Mode: READ
CALL db.index.fulltext.queryNodes('directory_search_pinyin', $lucene) YIELD node AS n
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN n.id AS id, coalesce(n.displayName, n.name) AS displayName, n.searchName AS name,
       n.searchPinyinWhole AS pinyinWhole, n.searchPinyin AS pinyin
