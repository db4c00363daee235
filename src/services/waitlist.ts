import { z } from 'zod';
import { idOf, type Service } from '../domain/model';
import { WaitlistEntry } from '../domain/WaitlistEntry';
import { capacityStatus, waitingPosition, type CapacityStatus } from '../domain/waitlistRules';
import { HuzhuError, badInput, notFound } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import { IdempotencyKey } from './idempotency';
import type { ServiceContext } from './ServiceContext';

/**
 * Waiting lists (issue 14 item 3). When a service has no place left, a
 * coordinator may put the need on its list — an explicit choice, never
 * automatic; joining twice finds the first entry (the (service, need) pair is
 * the key, so a retried join is safe with or without an idempotency key).
 * The list is ordered by domain/waitlistOrder (urgency, vulnerability, time).
 *
 * When a unit is released (a referral ends), the store, in the release's own
 * transaction, OFFERS it to the first waiting need: the unit is reserved for
 * that need for ACTION_LIMIT_HOURS of its urgency. The referral is not created
 * there: a referral shares the family's information with the organisation,
 * which needs the family's consent now (services/consent.ts) and a coordinator
 * who checks the need is still wanted; so the coordinator confirms the offer by
 * sending the referral (createReferral takes the reserved unit), or lets it go
 * (leaveWaitlist), and an offer not confirmed in time passes to the next need.
 */

export interface WaitlistActor {
  actorId: string;
}

export const JoinWaitlistInput = z.object({
  needId: idOf('Need'),
  serviceId: idOf('Service'),
  /** Accepted for the console's one-key-per-submission rule; the (service, need) pair already makes a retry find the first entry. */
  idempotencyKey: IdempotencyKey.nullish(),
});

export const LeaveWaitlistInput = z.object({
  needId: idOf('Need'),
  serviceId: idOf('Service'),
});

/** An entry with its place in the queue (1 = offered next; null while an offer is held). */
export interface WaitlistPlace {
  entry: WaitlistEntry;
  position: number | null;
}

export async function joinWaitlist(ctx: ServiceContext, actor: WaitlistActor, rawInput: unknown): Promise<WaitlistPlace & { created: boolean }> {
  const input = parseInput(JoinWaitlistInput, rawInput, []);
  const [[need], [service]] = await Promise.all([ctx.store.getMany('Need', [input.needId]), ctx.store.getMany('Service', [input.serviceId])]);
  if (!need) throw notFound('Need', input.needId, ['needId']);
  if (!service) throw notFound('Service', input.serviceId, ['serviceId']);
  if (!service.categories.includes(need.category)) {
    throw badInput(`serviceId: 该服务不提供 ${need.category} 类帮扶 (the service offers ${service.categories.join(', ')}, not ${need.category}; ask matchNeed for suitable services)`, ['serviceId']);
  }
  const [household] = await ctx.store.getMany('Household', [need.householdId]);
  if (!household) throw notFound('Household', need.householdId, ['needId']);
  const entry = parseInput(
    WaitlistEntry,
    {
      serviceId: service.id,
      needId: need.id,
      householdId: household.id,
      urgency: need.urgency,
      vulnerabilityScore: household.vulnerabilityScore,
      status: 'WAITING',
      joinedAt: ctx.now().toISOString(),
      joinedBy: actor.actorId,
      offeredAt: null,
      offerExpiresAt: null,
    },
    [],
  );
  const result = await explainJoinRefusal(ctx.store.joinWaitlist(entry));
  return { ...(await placeOf(ctx, result.entry)), created: result.created };
}

/** Take a need off a service's list (an offer it held passes to the next need); null when it was not on it. */
export async function leaveWaitlist(ctx: ServiceContext, rawInput: unknown): Promise<WaitlistEntry | null> {
  const input = parseInput(LeaveWaitlistInput, rawInput, []);
  return ctx.store.leaveWaitlist(input.serviceId, input.needId, ctx.now().toISOString());
}

/**
 * A service's list in order (offers first, then the queue), each with its
 * position. Lapsed offers are passed on first (settleWaitlist: a write, so
 * what is shown is what the store holds).
 */
export async function waitlistOf(ctx: ServiceContext, rawServiceId: unknown): Promise<WaitlistPlace[]> {
  const serviceId = parseInput(idOf('Service'), rawServiceId, ['serviceId']);
  const [service] = await ctx.store.getMany('Service', [serviceId]);
  if (!service) throw notFound('Service', serviceId, ['serviceId']);
  if ((await ctx.store.listWaitlist(serviceId)).some((e) => e.status === 'OFFERED')) await ctx.store.settleWaitlist(serviceId, ctx.now().toISOString());
  const ordered = await ctx.store.listWaitlist(serviceId);
  return ordered.map((entry) => ({ entry, position: waitingPosition(ordered, entry.needId) }));
}

/** The lists a need waits on, each with its position there. */
export async function waitlistPlacesOfNeed(ctx: ServiceContext, needId: string): Promise<WaitlistPlace[]> {
  const entries = await ctx.store.waitlistEntriesOfNeeds([needId]);
  return Promise.all(entries.map((entry) => placeOf(ctx, entry)));
}

/**
 * The service's HL7 SDOHCC capacity code (capacity / no-capacity / waitlist):
 * its list is read only when it could change the answer.
 */
export async function capacityStatusOf(ctx: ServiceContext, service: Service): Promise<CapacityStatus> {
  const quick = service.status !== 'ACTIVE' || service.capacity === null || service.activeReferrals >= service.capacity;
  const entries = quick ? [] : await ctx.store.listWaitlist(service.id);
  return capacityStatus(service, entries, ctx.now().toISOString());
}

// Private:

async function placeOf(ctx: ServiceContext, entry: WaitlistEntry): Promise<WaitlistPlace> {
  const ordered = await ctx.store.listWaitlist(entry.serviceId);
  const current = ordered.find((e) => e.needId === entry.needId) ?? entry;
  return { entry: current, position: waitingPosition(ordered, entry.needId) };
}

/** The store's refusals, said for the coordinator (Chinese first), under input. */
async function explainJoinRefusal<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof HuzhuError) || error.code !== 'CONFLICT') throw error;
    const field = error.path[0];
    const why = `${String(field)}: ` + (
      field === 'needId'
        ? `该需求已不是待处理状态，不能排队 (the need is ${String(error.details['needStatus'])}; only an OPEN need can wait)`
        : 'serviceStatus' in error.details
          ? `该服务当前不接收转介，不设候补 (the service is ${String(error.details['serviceStatus'])}; only an ACTIVE service keeps a waiting list)`
          : '该服务还有空位，请直接发送转介 (the service has a free place; send the referral with createReferral instead of waiting)');
    throw new HuzhuError('CONFLICT', why, { path: error.path, details: error.details, cause: error });
  }
}
