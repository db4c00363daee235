// Purpose: one :WaitlistEntry per (service, need) — key "<serviceId>|<needId>" (domain/WaitlistEntry.waitlistKey);
//          the last line of defence when two joins of the same need race (issue 14 item 3).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE CONSTRAINT waitlist_entry_key IF NOT EXISTS
FOR (w:WaitlistEntry) REQUIRE w.key IS UNIQUE
