// Purpose: apply household count changes to their villages' counters, in the transaction of the household write
//          that made them (one row per village, deltas summed by the adapter). The SET reads the counter in its own
//          right-hand side, so the village's write lock is taken before the read and concurrent writers never lose
//          an increment. A counter not yet computed (null: an upgraded database before init's backfill) stays null,
//          and the backfill, which takes the same lock, computes it whole.
// Parameters: $rows (list of {villageId, households, vulnerable}: deltas, possibly negative)
// Returns: written (villages updated; a village not stored yet gets its counters when it is written)
// Mode: WRITE
UNWIND $rows AS row
MATCH (v:Village {id: row.villageId})
SET v.householdCount = v.householdCount + row.households,
    v.vulnerableHouseholdCount = v.vulnerableHouseholdCount + row.vulnerable
RETURN count(v) AS written
