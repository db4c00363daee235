import { z } from 'zod';
import { ServiceStatus, NeedStatus, type EntityMap } from '../../domain/model';
import { WaitlistEntry, waitlistKey } from '../../domain/WaitlistEntry';
import { freePlaces, listOrder, planSettle, referralMayClaim, type SettlePlan, type WaitlistService } from '../../domain/waitlistRules';
import { notFound } from '../../errors/HuzhuError';
import { needNotOpen, placeFree, queueOwed, serviceNotActive } from '../waitlistWrites';
import { Q } from './cypherRegistry';
import { isConstraintConflict } from './mapDriverError';
import type { Neo4jRunner, QueryTx } from './Neo4jRunner';

/**
 * The waiting-list methods of the port over Neo4j (issue 14 item 3):
 * `(:WaitlistEntry {key, serviceId, needId, …})` nodes, one property per
 * WaitlistEntry field (a null is an absent property), unique by key, no edges
 * (an entry is not part of the network). Every write takes the service's lock
 * (lockServiceForWaitlist) before it reads the list, then applies the rule of
 * domain/waitlistRules.ts and writes the result in the same transaction; the
 * same steps run inside createReferral, the release in transitionReferral and
 * setServiceCapacity (settleInTx, claimForReferral), so all of a service's
 * list and capacity writes are serialised on one lock. No version bump.
 */
export class Neo4jWaitlist {
  readonly #runner: Neo4jRunner;

  constructor(runner: Neo4jRunner) {
    this.#runner = runner;
  }

  async join(entry: WaitlistEntry): Promise<{ entry: WaitlistEntry; created: boolean }> {
    const parsed = WaitlistEntry.parse(entry);
    return retryConstraintRaces(() =>
      this.#runner.write(async (tx) => {
        const service = await lockService(tx, parsed.serviceId);
        const [existing] = await entriesOfNeeds(tx, [parsed.needId]).then((all) => all.filter((e) => e.serviceId === parsed.serviceId));
        if (existing) return { entry: existing, created: false };
        const need = await tx.first(Q.getNeedsByIds, { ids: [parsed.needId] }, NeedStatusRow);
        if (!need) throw notFound('Need', parsed.needId, ['needId']);
        if (need.props.status !== 'OPEN') throw needNotOpen(ADAPTER, need.props.status);
        if (service.status !== 'ACTIVE') throw serviceNotActive(ADAPTER, service.status);
        const plan = await settleLocked(tx, parsed.serviceId, service, parsed.joinedAt);
        const free = freePlaces(service, plan.after, parsed.joinedAt);
        if (free >= 1) throw placeFree(ADAPTER, free);
        await putEntries(tx, [parsed]);
        return { entry: parsed, created: true };
      }),
    );
  }

  async leave(serviceId: string, needId: string, at: string): Promise<WaitlistEntry | null> {
    return this.#runner.write(async (tx) => {
      const service = await tx.first(Q.lockServiceForWaitlist, { serviceId }, ServiceRow);
      if (!service) return null;
      const [existing] = (await entriesOfNeeds(tx, [needId])).filter((e) => e.serviceId === serviceId);
      if (!existing) return null;
      await tx.rows(Q.deleteWaitlistEntries, { keys: [waitlistKey(existing)] }, DeletedRow);
      await settleLocked(tx, serviceId, service, at);
      return existing;
    });
  }

  async settle(serviceId: string, at: string): Promise<WaitlistEntry[]> {
    return this.#runner.write(async (tx) => (await settleInTx(tx, serviceId, at)).offer);
  }

  async list(serviceId: string): Promise<WaitlistEntry[]> {
    return this.#runner.read(async (tx) => listOrder((await entriesOfService(tx, serviceId)).map((row) => row.entry)));
  }

  async ofNeeds(needIds: readonly string[]): Promise<WaitlistEntry[]> {
    if (needIds.length === 0) return [];
    return this.#runner.read((tx) => entriesOfNeeds(tx, [...new Set(needIds)]));
  }
}

/** Settle a service's list inside the caller's write transaction (a release, a new capacity): lock, plan, write. */
export async function settleInTx(tx: QueryTx, serviceId: string, at: string): Promise<SettlePlan> {
  const service = await lockService(tx, serviceId);
  return settleLocked(tx, serviceId, service, at);
}

/**
 * The waiting-list half of createReferral, after its claim took the service's
 * lock (activeReferrals here is the count before the claim): settle, refuse a
 * need that may not take a unit (CAPACITY_EXHAUSTED: places owed to the
 * queue), else remove the need's entry on this list and its WAITING entries
 * on others. A service with no entries costs one read.
 */
export async function claimForReferral(tx: QueryTx, service: Pick<EntityMap['Service'], 'id'> & WaitlistService, needId: string, at: string): Promise<void> {
  const plan = await settleLocked(tx, service.id, service, at);
  if (!referralMayClaim(service, plan.after, needId, at)) {
    throw queueOwed(ADAPTER, service, plan.after.filter((e) => e.status === 'WAITING').length);
  }
  const leaving = (await entriesOfNeeds(tx, [needId])).filter((e) => e.serviceId === service.id || e.status === 'WAITING');
  if (leaving.length > 0) await tx.rows(Q.deleteWaitlistEntries, { keys: leaving.map(waitlistKey) }, DeletedRow);
}

// Private:

const ADAPTER = 'store/neo4j';

const ServiceRow = z.object({ capacity: z.number().int().nullable(), activeReferrals: z.number().int(), status: ServiceStatus });
const NeedStatusRow = z.object({ id: z.string(), props: z.object({ status: NeedStatus }).loose() });
const EntryRow = z.object({ props: z.record(z.string(), z.unknown()), needStatus: NeedStatus.nullable().optional() });
const DeletedRow = z.object({ deleted: z.number().int() });
const WrittenRow = z.object({ written: z.number().int() });

async function lockService(tx: QueryTx, serviceId: string): Promise<z.infer<typeof ServiceRow>> {
  const service = await tx.first(Q.lockServiceForWaitlist, { serviceId }, ServiceRow);
  if (!service) throw notFound('Service', serviceId, ['serviceId']);
  return service;
}

async function settleLocked(tx: QueryTx, serviceId: string, service: WaitlistService, at: string): Promise<SettlePlan> {
  const entries = await entriesOfService(tx, serviceId);
  if (entries.length === 0) return { remove: [], offer: [], after: [] };
  const plan = planSettle(service, entries, at);
  if (plan.remove.length > 0) await tx.rows(Q.deleteWaitlistEntries, { keys: plan.remove.map(waitlistKey) }, DeletedRow);
  if (plan.offer.length > 0) await putEntries(tx, plan.offer);
  return plan;
}

async function entriesOfService(tx: QueryTx, serviceId: string): Promise<Array<{ entry: WaitlistEntry; needOpen: boolean }>> {
  const rows = await tx.rows(Q.listWaitlistEntriesByService, { serviceId }, EntryRow);
  return rows.map((row) => ({ entry: fromProps(row.props), needOpen: row.needStatus === 'OPEN' }));
}

async function entriesOfNeeds(tx: QueryTx, needIds: readonly string[]): Promise<WaitlistEntry[]> {
  const rows = await tx.rows(Q.listWaitlistEntriesByNeeds, { needIds }, EntryRow);
  return rows.map((row) => fromProps(row.props));
}

async function putEntries(tx: QueryTx, entries: readonly WaitlistEntry[]): Promise<void> {
  const rows = entries.map((entry) => {
    const props: Record<string, unknown> = { key: waitlistKey(entry) };
    for (const [field, value] of Object.entries(entry)) if (value !== null) props[field] = value;
    return { key: props.key, props };
  });
  await tx.rows(Q.setWaitlistEntries, { rows }, WrittenRow);
}

function fromProps(props: Record<string, unknown>): WaitlistEntry {
  const fields = Object.fromEntries(Object.entries(props).filter(([field]) => field !== 'key'));
  return WaitlistEntry.parse({ offeredAt: null, offerExpiresAt: null, ...fields });
}

async function retryConstraintRaces<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3 || !isConstraintConflict(error)) throw error;
    }
  }
}
