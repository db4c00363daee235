import { WaitlistEntry, waitlistKey } from '../../domain/WaitlistEntry';
import type { EntityMap } from '../../domain/model';
import { freePlaces, listOrder, planSettle, referralMayClaim, type SettlePlan } from '../../domain/waitlistRules';
import { notFound } from '../../errors/HuzhuError';
import { needNotOpen, placeFree, queueOwed, serviceNotActive } from '../waitlistWrites';
import { cloneJson } from './cloneJson';
import type { MemoryGraph, MemoryOp } from './MemoryGraph';

/**
 * The memory store's waiting lists (issue 14 item 3): entries by (service,
 * need) key, with the keys per service and per need, journaled like accounts
 * (`{ o: 'waitlist' }` puts an entry, `{ o: 'unwaitlist' }` removes one) and
 * written only through MemoryStore's write queue, so each plan below is
 * computed and applied as one step: nothing runs between the read of a list
 * and its write. The rules are domain/waitlistRules.ts; the port's contract
 * is in ../GraphStore.ts (joinWaitlist …).
 */
export class MemoryWaitlistTable {
  readonly #byKey = new Map<string, WaitlistEntry>();
  readonly #byService = new Map<string, Set<string>>();
  readonly #byNeed = new Map<string, Set<string>>();

  put(entry: WaitlistEntry): void {
    const key = waitlistKey(entry);
    this.#byKey.set(key, entry);
    addTo(this.#byService, entry.serviceId, key);
    addTo(this.#byNeed, entry.needId, key);
  }

  remove(serviceId: string, needId: string): void {
    const key = waitlistKey({ serviceId, needId });
    if (!this.#byKey.delete(key)) return;
    removeFrom(this.#byService, serviceId, key);
    removeFrom(this.#byNeed, needId, key);
  }

  get(serviceId: string, needId: string): WaitlistEntry | undefined {
    return this.#byKey.get(waitlistKey({ serviceId, needId }));
  }

  /** A service's entries in listOrder (copies). */
  ofService(serviceId: string): WaitlistEntry[] {
    return listOrder(this.#keysOf(this.#byService, serviceId)).map((e) => cloneJson(e));
  }

  /** Every entry of these needs, by needId then serviceId (copies). */
  ofNeeds(needIds: readonly string[]): WaitlistEntry[] {
    return [...new Set(needIds)]
      .sort()
      .flatMap((needId) => this.#keysOf(this.#byNeed, needId).sort((a, b) => (a.serviceId < b.serviceId ? -1 : 1)))
      .map((e) => cloneJson(e));
  }

  *all(): Generator<WaitlistEntry, void, undefined> {
    yield* this.#byKey.values();
  }

  clear(): void {
    this.#byKey.clear();
    this.#byService.clear();
    this.#byNeed.clear();
  }

  #keysOf(index: Map<string, Set<string>>, id: string): WaitlistEntry[] {
    return [...(index.get(id) ?? [])].map((key) => this.#byKey.get(key) as WaitlistEntry);
  }
}

/** What the memory adapter reads to settle a list: the table, the service, and each need's status. */
export interface WaitlistView {
  waitlist: MemoryWaitlistTable;
  needOf(id: string): EntityMap['Need'] | undefined;
}

/**
 * planSettle over the stored list of `service`, with `activeReferrals` as the
 * write being planned leaves it, as journal ops (put offers, remove the
 * rest); `plan.after` is the list once they apply.
 */
export function settleOps(view: WaitlistView, service: EntityMap['Service'], at: string): { ops: MemoryOp[]; plan: SettlePlan } {
  const entries = view.waitlist.ofService(service.id).map((entry) => ({ entry, needOpen: view.needOf(entry.needId)?.status === 'OPEN' }));
  const plan = planSettle(service, entries, at);
  const ops: MemoryOp[] = [
    ...plan.remove.map((e): MemoryOp => ({ o: 'unwaitlist', serviceId: e.serviceId, needId: e.needId })),
    ...plan.offer.map((e): MemoryOp => ({ o: 'waitlist', e: WaitlistEntry.parse(e) })),
  ];
  return { ops, plan };
}

/** A planned write, as MemoryStore's queue runs it: the ops to journal and apply, and the result once applied. */
export interface PlannedWaitlistWrite<T> {
  ops: MemoryOp[];
  result: () => T;
}

export function planJoinWaitlist(state: MemoryGraph, entry: WaitlistEntry): PlannedWaitlistWrite<{ entry: WaitlistEntry; created: boolean }> {
  const parsed = WaitlistEntry.parse(entry);
  const existing = state.waitlist.get(parsed.serviceId, parsed.needId);
  if (existing !== undefined) {
    const stored = cloneJson(existing);
    return { ops: [], result: () => ({ entry: stored, created: false }) };
  }
  const need = state.get('Need', parsed.needId);
  if (need === undefined) throw notFound('Need', parsed.needId, ['needId']);
  const service = state.get('Service', parsed.serviceId);
  if (service === undefined) throw notFound('Service', parsed.serviceId, ['serviceId']);
  if (need.status !== 'OPEN') throw needNotOpen('store/memory', need.status);
  if (service.status !== 'ACTIVE') throw serviceNotActive('store/memory', service.status);
  const settled = settleOps(viewOf(state), service, parsed.joinedAt);
  const free = freePlaces(service, settled.plan.after, parsed.joinedAt);
  if (free >= 1) throw placeFree('store/memory', free);
  const stored = cloneJson(parsed);
  return { ops: [...settled.ops, { o: 'waitlist', e: stored }], result: () => ({ entry: cloneJson(stored), created: true }) };
}

export function planLeaveWaitlist(state: MemoryGraph, serviceId: string, needId: string, at: string): PlannedWaitlistWrite<WaitlistEntry | null> {
  const existing = state.waitlist.get(serviceId, needId);
  const service = state.get('Service', serviceId);
  if (existing === undefined || service === undefined) return { ops: [], result: () => null };
  const removed = cloneJson(existing);
  // Settle as the list stands without it: an offer it held passes to the next need now.
  const view = viewOf(state);
  const without: WaitlistView = { waitlist: state.waitlist, needOf: (id) => (id === needId ? undefined : view.needOf(id)) };
  const settled = settleOps(without, service, at);
  const ops: MemoryOp[] = [
    { o: 'unwaitlist', serviceId, needId },
    ...settled.ops.filter((op) => !(op.o === 'unwaitlist' && op.needId === needId)),
  ];
  return { ops, result: () => removed };
}

export function planSettleWaitlist(state: MemoryGraph, serviceId: string, at: string): PlannedWaitlistWrite<WaitlistEntry[]> {
  const service = state.get('Service', serviceId);
  if (service === undefined) throw notFound('Service', serviceId, ['serviceId']);
  const settled = settleOps(viewOf(state), service, at);
  return { ops: settled.ops, result: () => settled.plan.offer.map((e) => cloneJson(e)) };
}

/**
 * The waiting-list half of createReferral, planned before its claim: settle
 * the list, refuse (CAPACITY_EXHAUSTED) a need that may not take a unit
 * (referralMayClaim), and once it may, remove the need's entry here and its
 * WAITING entries on other lists (an OFFERED one elsewhere lapses at that
 * list's next settle, its need no longer being OPEN).
 */
export function waitlistOpsForReferral(state: MemoryGraph, service: EntityMap['Service'], needId: string, at: string): MemoryOp[] {
  const settled = settleOps(viewOf(state), service, at);
  if (!referralMayClaim(service, settled.plan.after, needId, at)) {
    throw queueOwed('store/memory', service, settled.plan.after.filter((e) => e.status === 'WAITING').length);
  }
  const leaving = state.waitlist
    .ofNeeds([needId])
    .filter((e) => e.serviceId === service.id || e.status === 'WAITING')
    .map((e): MemoryOp => ({ o: 'unwaitlist', serviceId: e.serviceId, needId: e.needId }));
  return [...settled.ops, ...leaving];
}

/** The waiting-list ops of a write that leaves `service` as given (a release, a new capacity). */
export function settleOpsAfter(state: MemoryGraph, service: EntityMap['Service'], at: string): MemoryOp[] {
  return settleOps(viewOf(state), service, at).ops;
}

// Private:

function viewOf(state: MemoryGraph): WaitlistView {
  return { waitlist: state.waitlist, needOf: (id) => state.get('Need', id) };
}

function addTo(index: Map<string, Set<string>>, id: string, key: string): void {
  let keys = index.get(id);
  if (keys === undefined) index.set(id, (keys = new Set()));
  keys.add(key);
}

function removeFrom(index: Map<string, Set<string>>, id: string, key: string): void {
  const keys = index.get(id);
  if (keys === undefined) return;
  keys.delete(key);
  if (keys.size === 0) index.delete(id);
}
