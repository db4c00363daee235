// Purpose: range index on :WaitlistEntry.serviceId (a service's waiting list).
// Parameters: none
// Returns: nothing
// Mode: SCHEMA
CREATE RANGE INDEX waitlist_entry_serviceId IF NOT EXISTS
FOR (w:WaitlistEntry) ON (w.serviceId)
