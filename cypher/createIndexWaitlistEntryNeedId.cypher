// Purpose: range index on :WaitlistEntry.needId (the lists a need waits on).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX waitlist_entry_needId IF NOT EXISTS
FOR (w:WaitlistEntry) ON (w.needId)
