import { z } from 'zod';
import { newId } from '../domain/ids';
import { CategoryCode, Consent, IsoDateTime, idOf, type AgeBand, type Household, type Need, type Service } from '../domain/model';
import { HuzhuError, badInput, notFound } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import type { GraphStore } from '../store/GraphStore';
import { assertCategoriesExist } from './households';
import { listAll } from './listAll';
import type { ServiceContext } from './ServiceContext';

/**
 * A household's consent to share its information (PIPL), recorded by staff:
 * with named organisations and/or for categories of service (OR: a consent
 * covers an organisation it names, or any organisation for a category it
 * names), optionally until a date, until withdrawn. Children's records
 * (members under 18 or a LEFT_BEHIND_CHILDREN marker) are covered only by a
 * consent carrying a guardian's flag.
 *
 * Nothing here is cached: every check reads the store, so a withdrawal takes
 * effect on the next request.
 */

const CHILD_BANDS: ReadonlySet<AgeBand> = new Set(['AGE_0_3', 'AGE_4_6', 'AGE_7_17']);

/** True when sharing this household's records shares a child's. */
export function householdHasChildren(household: Pick<Household, 'memberAgeBands' | 'markers'>): boolean {
  return household.memberAgeBands.some((band) => CHILD_BANDS.has(band)) || household.markers.includes('LEFT_BEHIND_CHILDREN');
}

/** Not withdrawn and not expired at `now`. */
export function isConsentActive(consent: Consent, now: Date): boolean {
  if (consent.withdrawnAt !== null && Date.parse(consent.withdrawnAt) <= now.getTime()) return false;
  return consent.validUntil === null || Date.parse(consent.validUntil) > now.getTime();
}

export type ConsentGap = 'NO_CONSENT' | 'GUARDIAN_CONSENT_REQUIRED';

/**
 * Whether the household's consents cover sharing with `organizationId` for
 * `category`: null when they do, else what is missing (GUARDIAN_CONSENT_REQUIRED
 * when a consent covers it but lacks the guardian's flag a child requires).
 */
export function consentGap(
  consents: readonly Consent[],
  household: Pick<Household, 'memberAgeBands' | 'markers'>,
  organizationId: string,
  category: string,
  now: Date,
): ConsentGap | null {
  const covering = consents.filter(
    (c) => isConsentActive(c, now) && (c.organizationIds.includes(organizationId) || c.categories.includes(category)),
  );
  if (covering.length === 0) return 'NO_CONSENT';
  if (householdHasChildren(household) && !covering.some((c) => c.guardianConsent)) return 'GUARDIAN_CONSENT_REQUIRED';
  return null;
}

export async function consentsOf(store: GraphStore, householdId: string): Promise<Consent[]> {
  return listAll(store, 'Consent', { householdId });
}

/**
 * The hook createReferral calls (services/referrals.ts): passes when the
 * household's consent covers the service's organisation or the need's
 * category; else CONSENT_REQUIRED, unless an override reason is given (the
 * referral stores it).
 */
export async function requireReferralConsent(ctx: ServiceContext, need: Need, service: Service, overrideReason: string | null): Promise<void> {
  const [household] = await ctx.store.getMany('Household', [need.householdId]);
  if (!household) throw notFound('Household', need.householdId, ['input', 'needId']);
  const gap = consentGap(await consentsOf(ctx.store, household.id), household, service.organizationId, need.category, ctx.now());
  if (gap === null || overrideReason !== null) return;
  const what =
    gap === 'GUARDIAN_CONSENT_REQUIRED'
      ? `the household has children, and no consent covering ${service.organizationId} or ${need.category} carries a guardian's consent`
      : `the household has not consented to sharing with ${service.organizationId} or for ${need.category}`;
  throw new HuzhuError('CONSENT_REQUIRED', `input.serviceId: ${what}; record consent (recordConsent) or give input.consentOverrideReason`, {
    path: ['input', 'serviceId'],
    details: { gap, householdId: household.id, organizationId: service.organizationId, category: need.category },
  });
}

/**
 * For matching: the organisations this household's information may travel to
 * for a need of `category`.
 * - 'ALL': an active consent names the category, so any organisation may receive it.
 * - a non-empty Set: consent is restricted to these organisations; a trust
 *   path or referral through any other organisation must not be proposed.
 * - an empty Set: no active consent at all. Nothing is consented, but nothing
 *   is restricted either: matching may still propose (the family may consent
 *   when asked), marking every proposal `consentRequired: true`; createReferral
 *   refuses it without consent or an override. 'ALL' is never the answer here.
 * Consents lacking a guardian's flag do not count for a household with children.
 */
export async function consentedOrganizationIds(
  store: GraphStore,
  householdId: string,
  category: string,
  now: Date = new Date(),
  /** The household when the caller already holds it (saves a read). */
  known?: Household,
  /** The household's consents when the caller already read them (GraphStore.matchContext; saves a read). */
  knownConsents?: readonly Consent[] | null,
): Promise<Set<string> | 'ALL'> {
  const household = known?.id === householdId ? known : (await store.getMany('Household', [householdId]))[0];
  if (!household) return new Set();
  const children = householdHasChildren(household);
  const usable = (knownConsents ?? (await consentsOf(store, householdId))).filter((c) => isConsentActive(c, now) && (!children || c.guardianConsent));
  if (usable.some((c) => c.categories.includes(category))) return 'ALL';
  return new Set(usable.flatMap((c) => c.organizationIds));
}

export const RecordConsentInput = z
  .object({
    householdId: idOf('Household'),
    organizationIds: z.array(idOf('Organization')).max(100).nullish().transform((v) => [...new Set(v ?? [])]),
    categories: z.array(CategoryCode).max(50).nullish().transform((v) => [...new Set(v ?? [])]),
    guardianConsent: z.boolean().nullish().transform((v) => v ?? false),
    validUntil: IsoDateTime.nullish().transform((v) => v ?? null),
  })
  .refine((c) => c.organizationIds.length > 0 || c.categories.length > 0, {
    path: ['organizationIds'],
    message: 'name at least one organisation or category the family consents to share with',
  });

export interface ConsentActor {
  /** Who recorded or withdrew it (the token subject). */
  actorId: string;
}

export async function recordConsent(ctx: ServiceContext, actor: ConsentActor, rawInput: unknown): Promise<Consent> {
  const input = parseInput(RecordConsentInput, rawInput, ['input']);
  const now = ctx.now();
  if (input.validUntil !== null && Date.parse(input.validUntil) <= now.getTime()) {
    throw badInput('input.validUntil: must be in the future (leave it out for no end date)', ['input', 'validUntil']);
  }
  const orgs = await ctx.store.getMany('Organization', input.organizationIds);
  orgs.forEach((org, i) => {
    if (!org) throw badInput(`input.organizationIds.${i}: names no organisation in the directory; give the id of an existing organisation`, ['input', 'organizationIds', i]);
  });
  await assertCategoriesExist(ctx, input.categories, ['input', 'categories']);
  const consent = parseInput(
    Consent,
    { id: newId('Consent'), ...input, recordedBy: actor.actorId, recordedAt: now.toISOString(), withdrawnAt: null },
    ['input'],
  );
  return ctx.store.create('Consent', consent);
}

/**
 * Withdraw a consent; it stops covering anything from the next request on.
 * Who withdrew it is on the WRITE audit event of the request.
 */
export async function withdrawConsent(ctx: ServiceContext, rawId: unknown): Promise<Consent> {
  const id = parseInput(idOf('Consent'), rawId, ['id']);
  const [current] = await ctx.store.getMany('Consent', [id]);
  if (!current) throw notFound('Consent', id, ['id']);
  if (current.withdrawnAt !== null) {
    throw new HuzhuError('CONFLICT', `id: this consent was already withdrawn at ${current.withdrawnAt}; nothing to do`, { path: ['id'], details: { withdrawnAt: current.withdrawnAt } });
  }
  return ctx.store.update('Consent', { ...current, withdrawnAt: ctx.now().toISOString() });
}
