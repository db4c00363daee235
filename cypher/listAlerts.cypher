// Purpose: one page of pushed alerts in a reader's scope, newest first (keyset pagination: ids below $after).
// Parameters: $all (true: any place), $townshipIds, $villageIds, $after ('' for the first page), $unreadOnly,
//             $reader (the account whose read marks count), $limit (page size + 1)
// Returns: props, at most $limit rows
// Mode: READ
MATCH (a:Alert)
WHERE ($all OR a.townshipId IN $townshipIds OR a.villageId IN $villageIds)
  AND ($after = '' OR a.id < $after)
  AND (NOT $unreadOnly OR NOT $reader IN a.readBy)
RETURN properties(a) AS props
ORDER BY a.id DESC
LIMIT $limit
