// Purpose: candidate households for a search by the head's name in pinyin: a prefix query on the pinyin tokens.
// Parameters: $lucene: the Lucene prefix query (letters and digits only, then *),
//             $villageIds, $townshipIds: the scope (null = anywhere; villages are matched by id, townships through
//             the village record, as listHouseholds does)
// Returns: id, name, pinyinWhole, pinyin, phone, code (the stored search keys; src/domain/rankSearchHits.ts
//          decides what matches and ranks it)
// Mode: READ
CALL db.index.fulltext.queryNodes('household_search_pinyin', $lucene) YIELD node AS n
WHERE n:Household
  AND ($villageIds IS NULL OR n.villageId IN $villageIds)
  AND ($townshipIds IS NULL OR EXISTS { MATCH (v:Village {id: n.villageId}) WHERE v.townshipId IN $townshipIds })
RETURN n.id AS id, n.searchName AS name, n.searchPinyinWhole AS pinyinWhole, n.searchPinyin AS pinyin,
       n.searchPhone AS phone, n.searchCode AS code
