// Purpose: range index on :Household.loanOfficerId (the loan's credit officer, beside loanJson): the borrowers of a
//          credit officer written after them (linkInboundPersons) and the start-up backfill (setHouseholdLoanOfficerIds).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX household_loanOfficerId IF NOT EXISTS
FOR (n:Household) ON (n.loanOfficerId)
