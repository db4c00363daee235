// Purpose: one :Account per login (stored lower-cased, so the check is case-insensitive); the last line of
//          defence when two createAccount/updateAccount calls race past findAccountByLogin.
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT account_login IF NOT EXISTS
FOR (a:Account) REQUIRE a.login IS UNIQUE
