import { z } from 'zod';
import { newId } from '../domain/ids';
import {
  Assistance,
  AssistanceOutcome,
  IsoDateTime,
  Referral,
  ReferralReason,
  ReferralStatus,
  idOf,
  type Need,
  type Service,
} from '../domain/model';
import {
  AWAITING_ACTION_STATUSES,
  canTransition,
  needStatusAfter,
  reasonRequired,
} from '../domain/referralLifecycle';
import { referralOverdue } from '../domain/referralOverdue';
import { HuzhuError, badInput, notFound, underInput } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import { assertSameIdempotentRequest } from '../store/storeHelpers';
import { IdempotencyKey, idempotencyClaim } from './idempotency';
import { listAll } from './listAll';
import type { ServiceContext } from './ServiceContext';

export const CreateReferralInput = z.object({
  needId: idOf('Need'),
  serviceId: idOf('Service'),
  /** Chosen by the client; the same key twice creates one referral. */
  idempotencyKey: IdempotencyKey,
  note: z.string().max(1000).nullish().transform((v) => v ?? null),
  consentOverrideReason: z.string().min(10, { message: 'must state the reason (10+ characters)' }).max(1000).nullish().transform((v) => v ?? null),
});
export type CreateReferralInput = z.infer<typeof CreateReferralInput>;

export interface ReferralActor {
  /** Who acts (a person id or the token subject): stored on every transition. */
  actorId: string;
}

/**
 * Send a need to a service. Claims one unit of the service's capacity in the
 * same store transaction that creates the referral (GraphStore.createReferral),
 * so two coordinators can never book the last slot twice; the idempotency key
 * makes a retried request return the first referral instead of a second one.
 */
export async function createReferral(
  ctx: ServiceContext,
  actor: ReferralActor,
  rawInput: unknown,
  checkConsent?: (need: Need, service: Service, overrideReason: string | null) => Promise<void>,
): Promise<{ referral: Referral; created: boolean }> {
  const input = parseInput(CreateReferralInput, rawInput, ['input']);
  const existing = await ctx.store.findReferralByIdempotencyKey(input.idempotencyKey);
  if (existing) return { referral: sameRequestOrConflict(existing, input), created: false };

  const [[need], [service]] = await Promise.all([
    ctx.store.getMany('Need', [input.needId]),
    ctx.store.getMany('Service', [input.serviceId]),
  ]);
  if (!need) throw notFound('Need', input.needId, ['input', 'needId']);
  if (!service) throw notFound('Service', input.serviceId, ['input', 'serviceId']);
  if (need.status !== 'OPEN') {
    throw new HuzhuError('CONFLICT', `input.needId: the need is ${need.status}, only an OPEN need can be referred`, {
      path: ['input', 'needId'],
      details: { needStatus: need.status },
    });
  }
  if (service.status !== 'ACTIVE') {
    throw badInput(`input.serviceId: the service is ${service.status}; only ACTIVE services take referrals`, ['input', 'serviceId']);
  }
  if (!service.categories.includes(need.category)) {
    throw badInput(
      `input.serviceId: the service offers ${service.categories.join(', ')}, not ${need.category} (ask matchNeed for suitable services)`,
      ['input', 'serviceId'],
    );
  }
  if (checkConsent) await checkConsent(need, service, input.consentOverrideReason);

  const at = ctx.now().toISOString();
  const referral = parseInput(
    Referral,
    {
      id: newId('Referral'),
      needId: need.id,
      serviceId: service.id,
      householdId: need.householdId,
      organizationId: service.organizationId,
      status: 'SENT',
      reason: null,
      idempotencyKey: input.idempotencyKey,
      consentOverrideReason: input.consentOverrideReason,
      transitions: [{ status: 'SENT', at, actorId: actor.actorId, reason: null, note: input.note }],
      createdAt: at,
      updatedAt: at,
    },
    ['input'],
  );
  const result = await ctx.store.createReferral(referral);
  return { referral: sameRequestOrConflict(result.referral, input), created: result.created };
}

function sameRequestOrConflict(existing: Referral, input: CreateReferralInput): Referral {
  if (existing.needId !== input.needId || existing.serviceId !== input.serviceId) {
    throw new HuzhuError('CONFLICT', 'input.idempotencyKey: already used for a different referral; use a new key per referral', {
      path: ['input', 'idempotencyKey'],
      details: { existingId: existing.id },
    });
  }
  return existing;
}

export const UpdateReferralStatusInput = z
  .object({
    referralId: idOf('Referral'),
    status: ReferralStatus.exclude(['SENT']),
    reason: ReferralReason.nullish().transform((v) => v ?? null),
    note: z.string().max(1000).nullish().transform((v) => v ?? null),
    /** Optional: the same key twice makes the step once (a retry returns the referral as that step left it). */
    idempotencyKey: IdempotencyKey.nullish(),
  })
  .superRefine((v, ctx) => {
    if (reasonRequired(v.status) && v.reason === null) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `is required for ${v.status} (${ReferralReason.options.join(', ')})` });
    }
    if (!reasonRequired(v.status) && v.reason !== null) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `is only for DECLINED or CANCELLED, not ${v.status}` });
    }
  });

/** Move a referral one step along its loop; capacity is released when it ends. */
export async function updateReferralStatus(ctx: ServiceContext, actor: ReferralActor, rawInput: unknown): Promise<Referral> {
  const { idempotencyKey, ...input } = parseInput(UpdateReferralStatusInput, rawInput, ['input']);
  const claim = idempotencyClaim('updateReferralStatus', idempotencyKey, input);
  if (claim) {
    // A retry of a step already taken: the referral has moved on, so the transition checks below would refuse it.
    const recorded = await ctx.store.findIdempotencyRecord(claim.key);
    if (recorded) {
      await underInput(['input'], (async () => assertSameIdempotentRequest(recorded, claim))());
      const [moved] = await ctx.store.getMany('Referral', [recorded.resultId]);
      if (moved) return moved;
    }
  }
  const [current] = await ctx.store.getMany('Referral', [input.referralId]);
  if (!current) throw notFound('Referral', input.referralId, ['input', 'referralId']);
  if (!canTransition(current.status, input.status)) {
    throw new HuzhuError('INVALID_TRANSITION', `input.status: a ${current.status} referral cannot become ${input.status}`, {
      path: ['input', 'status'],
      details: { from: current.status, to: input.status },
    });
  }
  return underIdempotencyKey(
    ctx.store.transitionReferral(
      current.id,
      current.status,
      { status: input.status, at: ctx.now().toISOString(), actorId: actor.actorId, reason: input.reason, note: input.note },
      needStatusAfter(input.status),
      claim ? { idempotency: claim } : {},
    ),
  );
}

export const RecordAssistanceInput = z.object({
  needId: idOf('Need'),
  referralId: idOf('Referral').nullish().transform((v) => v ?? null),
  action: z.string().min(1, { message: 'must say what was done' }).max(2000),
  outcome: AssistanceOutcome,
  note: z.string().max(2000).nullish().transform((v) => v ?? null),
  /** When the help was given; defaults to now. */
  at: IsoDateTime.nullish(),
  /** Optional: the same key twice records the help once (a retry returns the first record). */
  idempotencyKey: IdempotencyKey.nullish(),
});

/** 帮扶记录: what was done for a need, by whom, when, with what outcome. */
export async function recordAssistance(ctx: ServiceContext, actor: ReferralActor, rawInput: unknown): Promise<Assistance> {
  const { idempotencyKey, ...input } = parseInput(RecordAssistanceInput, rawInput, ['input']);
  const claim = idempotencyClaim('recordAssistance', idempotencyKey, input);
  if (input.referralId) {
    const [referral] = await ctx.store.getMany('Referral', [input.referralId]);
    if (!referral) throw notFound('Referral', input.referralId, ['input', 'referralId']);
    if (referral.needId !== input.needId) {
      throw badInput('input.referralId: that referral is for another need', ['input', 'referralId']);
    }
  }
  const at = input.at ?? ctx.now().toISOString();
  if (Date.parse(at) > ctx.now().getTime() + 5 * 60_000) throw badInput('input.at: must not be in the future', ['input', 'at']);
  const record = parseInput(
    Assistance,
    { id: newId('Assistance'), needId: input.needId, referralId: input.referralId, actorId: actor.actorId, at, action: input.action, outcome: input.outcome, note: input.note },
    ['input'],
  );
  return underInput(['input'], ctx.store.create('Assistance', record, claim ? { idempotency: claim } : {}));
}

/**
 * The store's transition errors keep their paths (['from'] and the like name
 * the store call, not the input); only a reused idempotency key is the input's
 * fault, and is re-rooted to input.idempotencyKey.
 */
async function underIdempotencyKey<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof HuzhuError && error.path.length === 1 && error.path[0] === 'idempotencyKey') {
      throw new HuzhuError(error.code, `input.idempotencyKey: ${error.message}`, { path: ['input', 'idempotencyKey'], details: error.details, cause: error });
    }
    throw error;
  }
}

export interface OverdueReferral {
  referral: Referral;
  urgency: Need['urgency'];
  /** When the referral's last step happened. */
  since: string;
  limitHours: number;
  overdueHours: number;
}

/**
 * Referrals waiting for their next step (SENT or ACCEPTED) longer than the
 * need's urgency allows (ACTION_LIMIT_HOURS), most overdue first.
 */
export async function overdueReferrals(ctx: ServiceContext, scope: { organizationId?: string } = {}): Promise<OverdueReferral[]> {
  const waiting = (
    await Promise.all(AWAITING_ACTION_STATUSES.map((status) => listAll(ctx.store, 'Referral', { status, ...scope })))
  ).flat();
  const needs = await ctx.store.getMany('Need', [...new Set(waiting.map((r) => r.needId))]);
  const urgencyOf = new Map(needs.filter((n): n is Need => n !== null).map((n) => [n.id, n.urgency]));
  const now = ctx.now();
  const result: OverdueReferral[] = [];
  for (const referral of waiting) {
    const urgency = urgencyOf.get(referral.needId);
    if (!urgency) continue;
    // The one overdue rule, also behind the pushed alerts (services/alerts).
    const due = referralOverdue(referral, urgency, now);
    if (due) result.push({ referral, urgency, since: due.since, limitHours: due.limitHours, overdueHours: due.overdueHours });
  }
  return result.sort((a, b) => b.overdueHours - a.overdueHours || (a.referral.id < b.referral.id ? -1 : 1));
}
