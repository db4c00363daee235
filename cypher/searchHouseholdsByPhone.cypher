// Purpose: candidate households whose head's phone holds the digits typed (text index, CONTAINS).
// Parameters: $digits: the digits typed,
//             $villageIds, $townshipIds: the scope (null = anywhere; villages are matched by id, townships through
//             the village record, as listHouseholds does)
// Returns: id, name, pinyinWhole, pinyin, phone, code (the stored search keys; src/domain/rankSearchHits.ts
//          decides what matches and ranks it)
// Mode: READ
MATCH (n:Household)
WHERE n.searchPhone CONTAINS $digits
  AND ($villageIds IS NULL OR n.villageId IN $villageIds)
  AND ($townshipIds IS NULL OR EXISTS { MATCH (v:Village {id: n.villageId}) WHERE v.townshipId IN $townshipIds })
RETURN n.id AS id, n.searchName AS name, n.searchPinyinWhole AS pinyinWhole, n.searchPinyin AS pinyin,
       n.searchPhone AS phone, n.searchCode AS code
