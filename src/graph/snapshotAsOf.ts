import { IsoDate } from '../domain/model';
import type { NetworkSnapshot } from './NetworkSnapshot';

/**
 * The network as it stands on `asOf` (YYYY-MM-DD): the one rule for "as of a
 * date" (saved plans, issue 12 item 3). A relationship counts when
 * since ≤ asOf ≤ until, a missing since or until being open-ended (both days
 * included: a tie ending on 2027-06-30 still holds that day). Everything else
 * is kept as it is: only relationships carry dates. Returns a new snapshot;
 * the one passed in (the cached network view) is never changed.
 */
export function snapshotAsOf(snapshot: NetworkSnapshot, asOf: string): NetworkSnapshot {
  if (!IsoDate.safeParse(asOf).success) {
    throw new Error(`graph/snapshotAsOf: asOf must be a date like "2027-06-30", got ${JSON.stringify(asOf)}`);
  }
  return { ...snapshot, relationships: snapshot.relationships.filter((r) => inForceOn(r, asOf)) };
}

/** since ≤ asOf ≤ until, either end open when null (dates compare as YYYY-MM-DD strings). */
export function inForceOn(relationship: { since: string | null; until: string | null }, asOf: string): boolean {
  return (relationship.since === null || relationship.since <= asOf) && (relationship.until === null || asOf <= relationship.until);
}
