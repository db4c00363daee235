// Purpose: one :Account node per id (sign-in accounts, issue 11); also the index getAccountsByIds and
//          lockAccount use.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT account_id IF NOT EXISTS
FOR (a:Account) REQUIRE a.id IS UNIQUE
