// Purpose: how many pushed alerts a reader's scope holds, and how many of them the reader has not read (listAlerts).
// Parameters: $all (true: any place), $townshipIds, $villageIds, $reader
// Returns: total, unread
// Mode: READ
MATCH (a:Alert)
WHERE ($all OR a.townshipId IN $townshipIds OR a.villageId IN $villageIds)
RETURN count(a) AS total, sum(CASE WHEN $reader IN a.readBy THEN 0 ELSE 1 END) AS unread
