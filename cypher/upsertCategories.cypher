// Purpose: insert or replace need categories by code (seed).
// Parameters: $rows: list of {code, nameZh, nameEn, core}
// Returns: written (rows written)
// Mode: WRITE
UNWIND $rows AS row
MERGE (c:Category {code: row.code})
SET c += row
RETURN count(c) AS written
