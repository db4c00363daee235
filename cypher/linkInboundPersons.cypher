// Purpose: draw the edges that point at these persons from records written before them (upsertMany does not
//          order kinds; the start-up upgrade runs it over every person): (Household)-[:BORROWS_FROM]-> for the
//          households whose loan names one of them as credit officer, found through the loanOfficerId index (the
//          property toProps writes beside loanJson). MERGE: running it twice draws nothing twice.
// Parameters: $ids: person ids
// Returns: linked (persons that have borrowers)
// Mode: WRITE
MATCH (h:Household)
WHERE h.loanOfficerId IN $ids
MATCH (p:Person {id: h.loanOfficerId})
MERGE (h)-[:BORROWS_FROM]->(p)
RETURN count(DISTINCT p) AS linked
