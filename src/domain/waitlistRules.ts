import { ACTION_LIMIT_HOURS } from './referralLifecycle';
import type { Service } from './model';
import { WaitlistEntry, waitlistKey } from './WaitlistEntry';
import { compareWaitlistEntries } from './waitlistOrder';

/**
 * What a waiting list decides (issue 14 item 3), as pure functions both
 * stores run inside the write transaction that changes capacity or the list
 * (after taking the service's lock), so the decision and its write are one
 * atomic step:
 *
 * - planSettle: lapsed offers (past offerExpiresAt, or the need no longer
 *   OPEN) and entries of needs no longer OPEN leave the list; every unit free
 *   after the offers that still hold goes to the first WAITING need, in
 *   compareWaitlistEntries order. A release frees one unit, so it offers one
 *   need, once.
 * - An offer holds its unit for ACTION_LIMIT_HOURS of the need's urgency (the
 *   time a referral of that urgency may wait for its next step): long enough
 *   for the coordinator to reach the family and ask for consent.
 * - freePlaces: capacity − active referrals − offers holding a unit.
 * - capacityStatus: the HL7 SDOHCC healthcare-service capacity code.
 */

export type CapacityStatus = 'CAPACITY' | 'NO_CAPACITY' | 'WAITLIST';

/** What the rules read of a service: its stated capacity, the units held by active referrals, its status. */
export type WaitlistService = Pick<Service, 'capacity' | 'activeReferrals' | 'status'>;

/** An entry and whether its need is still OPEN (only an open need can be offered or referred). */
export interface WaitlistEntryState {
  entry: WaitlistEntry;
  needOpen: boolean;
}

export interface SettlePlan {
  /** Entries to delete (lapsed offers, needs no longer open). */
  remove: WaitlistEntry[];
  /** Entries to replace: WAITING entries now OFFERED. */
  offer: WaitlistEntry[];
  /** The list after the plan, in list order (listOrder). */
  after: WaitlistEntry[];
}

export function planSettle(service: WaitlistService, entries: readonly WaitlistEntryState[], at: string): SettlePlan {
  const now = Date.parse(at);
  const remove: WaitlistEntry[] = [];
  const kept: WaitlistEntry[] = [];
  for (const { entry, needOpen } of entries) {
    if (!needOpen || (entry.status === 'OFFERED' && offerLapsed(entry, now))) remove.push(entry);
    else kept.push(entry);
  }
  let free = service.status === 'ACTIVE' ? freePlaces(service, kept, at) : 0;
  const offer: WaitlistEntry[] = [];
  const after = new Map(kept.map((e) => [waitlistKey(e), e]));
  for (const entry of kept.filter((e) => e.status === 'WAITING').sort(compareWaitlistEntries)) {
    if (free < 1) break;
    const offered = WaitlistEntry.parse({
      ...entry,
      status: 'OFFERED',
      offeredAt: at,
      offerExpiresAt: new Date(now + ACTION_LIMIT_HOURS[entry.urgency] * 3_600_000).toISOString(),
    });
    offer.push(offered);
    after.set(waitlistKey(offered), offered);
    free -= 1;
  }
  return { remove, offer, after: listOrder([...after.values()]) };
}

/** Units a new referral may take now: capacity − active referrals − offers holding a unit at `at` (Infinity: no stated limit). */
export function freePlaces(service: Pick<Service, 'capacity' | 'activeReferrals'>, entries: readonly WaitlistEntry[], at: string): number {
  if (service.capacity === null) return Number.POSITIVE_INFINITY;
  const now = Date.parse(at);
  const held = entries.filter((e) => e.status === 'OFFERED' && !offerLapsed(e, now)).length;
  return service.capacity - service.activeReferrals - held;
}

/**
 * May a referral of `needId` take a unit, on a list already settled at `at`?
 * Yes with an offer for it that still holds (its reserved unit), else only
 * when a unit is free; a settled list with waiting needs has none free, so a
 * need off the list never takes a unit the queue is owed.
 */
export function referralMayClaim(service: WaitlistService, settled: readonly WaitlistEntry[], needId: string, at: string): boolean {
  const own = settled.find((e) => e.needId === needId);
  if (own?.status === 'OFFERED') return service.capacity === null || service.activeReferrals < service.capacity;
  return freePlaces(service, settled, at) >= 1;
}

/**
 * The HL7 SDOHCC healthcare-service capacity code: `capacity` (a referral
 * can be sent now), `waitlist` (full, or places are owed to waiting needs;
 * the service keeps a waiting list), `no-capacity` (takes no referrals and
 * keeps no list: the service is not ACTIVE).
 */
export function capacityStatus(service: WaitlistService, entries: readonly WaitlistEntry[], at: string): CapacityStatus {
  if (service.status !== 'ACTIVE') return 'NO_CAPACITY';
  const waiting = entries.some((e) => e.status === 'WAITING');
  return !waiting && freePlaces(service, entries, at) >= 1 ? 'CAPACITY' : 'WAITLIST';
}

/** The order a list is shown in: offers first (oldest offer first), then the WAITING entries by compareWaitlistEntries. */
export function listOrder(entries: readonly WaitlistEntry[]): WaitlistEntry[] {
  const offered = entries.filter((e) => e.status === 'OFFERED').sort((a, b) => Date.parse(a.offeredAt ?? '') - Date.parse(b.offeredAt ?? '') || compareWaitlistEntries(a, b));
  const waiting = entries.filter((e) => e.status === 'WAITING').sort(compareWaitlistEntries);
  return [...offered, ...waiting];
}

/** A WAITING entry's place in the queue (1 = next to be offered); null for an offer. */
export function waitingPosition(ordered: readonly WaitlistEntry[], needId: string): number | null {
  const waiting = ordered.filter((e) => e.status === 'WAITING');
  const index = waiting.findIndex((e) => e.needId === needId);
  return index === -1 ? null : index + 1;
}

// Private:

function offerLapsed(entry: WaitlistEntry, now: number): boolean {
  return entry.offerExpiresAt !== null && Date.parse(entry.offerExpiresAt) <= now;
}
