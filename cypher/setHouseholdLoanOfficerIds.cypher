// Purpose: start-up upgrade to layout 3: give up to $limit households written before it their loanOfficerId property
//          (the loan's credit officer, read out of loanJson once), so linkInboundPersons can find borrowers by index.
//          Households without a loan, or whose loan names no officer, are left alone: each batch finds only what is left.
// Parameters: $limit: batch size
// Returns: migrated (households given the property in this batch)
// Mode: WRITE
MATCH (h:Household)
WHERE h.loanOfficerId IS NULL AND h.loanJson CONTAINS '"creditOfficerId":"'
WITH h LIMIT $limit
SET h.loanOfficerId = split(split(h.loanJson, '"creditOfficerId":"')[1], '"')[0]
RETURN count(h) AS migrated
