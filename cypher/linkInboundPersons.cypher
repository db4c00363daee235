// Purpose: draw the edges that point at these persons from records written before them (upsertMany does not
//          order kinds; the start-up upgrade runs it over every person): (Household)-[:BORROWS_FROM]-> for the
//          households whose loan names one of them as credit officer. The loan is only in loanJson (JSON.stringify
//          of the domain's loan, key "creditOfficerId"), so this reads every household with a loan once per call;
//          it runs for persons a write creates, not on updates. MERGE: running it twice draws nothing twice.
// Parameters: $ids: person ids
// Returns: linked (persons that have borrowers)
// Mode: WRITE
MATCH (h:Household)
WHERE h.loanJson CONTAINS '"creditOfficerId":"'
WITH h, split(split(h.loanJson, '"creditOfficerId":"')[1], '"')[0] AS officerId
WHERE officerId IN $ids
MATCH (p:Person {id: officerId})
MERGE (h)-[:BORROWS_FROM]->(p)
RETURN count(DISTINCT p) AS linked
