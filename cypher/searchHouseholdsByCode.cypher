// Purpose: candidate households whose household code (户号) holds the text typed (text index, CONTAINS).
// Parameters: $code: the code fragment, upper case,
//             $villageIds, $townshipIds: the scope (null = anywhere; villages are matched by id, townships through
//             the village record, as listHouseholds does)
// Returns: id, name, pinyinWhole, pinyin, phone, code (the stored search keys; src/domain/rankSearchHits.ts
//          decides what matches and ranks it)
// Mode: READ
MATCH (n:Household)
WHERE n.searchCode CONTAINS $code
  AND ($villageIds IS NULL OR n.villageId IN $villageIds)
  AND ($townshipIds IS NULL OR EXISTS { MATCH (v:Village {id: n.villageId}) WHERE v.townshipId IN $townshipIds })
RETURN n.id AS id, n.searchName AS name, n.searchPinyinWhole AS pinyinWhole, n.searchPinyin AS pinyin,
       n.searchPhone AS phone, n.searchCode AS code
