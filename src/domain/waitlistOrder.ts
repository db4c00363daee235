import type { Urgency } from './model';
import type { WaitlistEntry } from './WaitlistEntry';

/**
 * The order of a waiting list (issue 14 item 3), the one rule both stores
 * use: the more urgent need first; at equal urgency the more vulnerable
 * household (vulnerabilityScore, domain/vulnerabilityIndex); then whoever
 * joined first; the need id last, so the order is total and the same on every
 * store and every read.
 */
export function compareWaitlistEntries(
  a: Pick<WaitlistEntry, 'urgency' | 'vulnerabilityScore' | 'joinedAt' | 'needId'>,
  b: Pick<WaitlistEntry, 'urgency' | 'vulnerabilityScore' | 'joinedAt' | 'needId'>,
): number {
  return (
    URGENCY_RANK[b.urgency] - URGENCY_RANK[a.urgency] ||
    b.vulnerabilityScore - a.vulnerabilityScore ||
    Date.parse(a.joinedAt) - Date.parse(b.joinedAt) ||
    (a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : 0)
  );
}

/** Higher is more urgent. */
export const URGENCY_RANK: Readonly<Record<Urgency, number>> = { CRITICAL: 3, HIGH: 2, MEDIUM: 1, LOW: 0 };
