import { kindOfId } from '../domain/ids';
import type { Consent, Household, Need, Relationship, Service, Township, Village } from '../domain/model';
import { matchNeed as matchNeedRules, type MatchResult } from '../domain/matching';
import {
  householdTrustDistances,
  trustPath as graphTrustPath,
  withHousehold,
  type TrustDistances,
  type TrustNetwork,
  type TrustPath,
} from '../graph';
import { badInput, notFound } from '../errors/HuzhuError';
import { consentedOrganizationIds } from './consent';
import { loadNeedContext } from './needContext';
import { networkView, type NetworkView } from './networkSnapshot';
import type { ServiceContext } from './ServiceContext';

export interface MatchContext {
  need: Need;
  household: Household;
  village: Village;
  township: Township;
  /** The household's consents, when read with the rest (loadMatchContext: GraphStore.matchContext). */
  consents?: readonly Consent[];
}

/** Loads the need, its household, village and township; NOT_FOUND names the missing link. */
export async function loadMatchContext(ctx: ServiceContext, needId: string, path: ReadonlyArray<string | number> = ['needId']): Promise<MatchContext> {
  if (kindOfId(needId) !== 'Need') throw badInput(`${path.join('.')}: must be a Need id (need_…)`, path);
  // One store call (GraphStore.matchContext), shared with the access guard's check through the request's loaders.
  const found = await loadNeedContext(ctx, needId);
  if (!found) throw notFound('Need', needId, path);
  const { need, household, village, township } = found;
  if (!household) throw notFound('Household', need.householdId, path);
  if (!village) throw notFound('Village', household.villageId, path);
  if (!township) throw notFound('Township', village.townshipId, path);
  return { need, household, village, township, consents: found.consents };
}

export interface MatchOptions {
  limit: number;
  /** Organisations the family has not consented to: never routed through (issue 6). */
  excludeOrganizationIds?: ReadonlySet<string>;
}

/**
 * Where should this need go? Reads the network view (cached per store
 * version), overlays the household on the stakeholder graph, runs one
 * single-source trust search from the household, and hands every service to
 * the matching rules (src/domain/matching/matchNeed.ts), which decide
 * suitability, rank and explain.
 */
export async function matchNeed(
  ctx: ServiceContext,
  needId: string,
  options: MatchOptions,
): Promise<MatchResult & { context: MatchContext; consentRequired: boolean }> {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 50) {
    throw badInput(`limit: must be between 1 and 50 (got ${options.limit})`, ['limit']);
  }
  const context = await loadMatchContext(ctx, needId);
  const view = await networkView(ctx.store);
  const consent = await consentScope(ctx, view, context.household, context.need.category, context.consents);
  const exclude = new Set([...consent.excludeOrganizationIds, ...(options.excludeOrganizationIds ?? [])]);
  return {
    ...matchWithView(view, context, { ...options, excludeOrganizationIds: exclude }, consent.restricted ? consent : null),
    context,
    consentRequired: consent.consentRequired,
  };
}

/**
 * What the family's consent (PIPL) allows for a need of `category` (null: no
 * particular need), the one rule matchNeed and referralPath both follow:
 * - restricted consent (it names organisations, and no consent names the
 *   category): no trust path may pass through any other organisation;
 * - no usable consent at all: nothing is restricted, but every proposal is
 *   marked consentRequired (the family may consent when asked; createReferral
 *   refuses without consent or an override);
 * - a consent naming the category: anything goes.
 */
export interface ConsentScope {
  restricted: boolean;
  consentRequired: boolean;
  /** Organisations a path must avoid (every organisation but the consented ones, when restricted). */
  excludeOrganizationIds: ReadonlySet<string>;
  /** The organisations the family named (empty unless restricted). */
  consentedOrganizationIds: ReadonlySet<string>;
}

export async function consentScope(
  ctx: ServiceContext,
  view: NetworkView,
  household: Household,
  category: string | null,
  /** The household's consents when the caller already holds them (MatchContext.consents). */
  knownConsents?: readonly Consent[],
): Promise<ConsentScope> {
  // A category no consent can name ('') leaves only the organisations consents name.
  const consented = await consentedOrganizationIds(ctx.store, household.id, category ?? '', ctx.now(), household, knownConsents ?? null);
  if (consented === 'ALL') return { restricted: false, consentRequired: false, excludeOrganizationIds: new Set(), consentedOrganizationIds: new Set() };
  if (consented.size === 0) return { restricted: false, consentRequired: true, excludeOrganizationIds: new Set(), consentedOrganizationIds: new Set() };
  return {
    restricted: true,
    consentRequired: false,
    excludeOrganizationIds: new Set(view.snapshot.organizations.map((o) => o.id).filter((id) => !consented.has(id))),
    consentedOrganizationIds: consented,
  };
}

/** The pure part of matchNeed, given a network view (also used by planAllocations for many needs). */
export function matchWithView(view: NetworkView, context: MatchContext, options: MatchOptions, consent: ConsentScope | null = null): MatchResult {
  const { need, household, village, township } = context;
  const lookups = viewLookups(view);
  const exclude = options.excludeOrganizationIds ?? new Set<string>();
  const distances = householdTrustDistances(view.graph, household, { excludeNodeIds: exclude });
  const servicesById = lookups.servicesById;
  // Under restricted consent, which non-consented organisations stand on the path the service would otherwise be reached by.
  let unrestricted: TrustDistances | null = null;
  const consentBlockedBy = (serviceId: string): string[] | null => {
    if (consent === null) return null;
    const service = servicesById.get(serviceId);
    if (!service) return null;
    unrestricted ??= householdTrustDistances(view.graph, household);
    const path = unrestricted.pathTo(serviceId);
    const onPath = new Set<string>([service.organizationId]);
    for (const step of path?.steps ?? []) onPath.add(step.fromId).add(step.toId);
    const names = lookups.organizationNames;
    const blockers = [...onPath].filter((id) => names.has(id) && !consent.consentedOrganizationIds.has(id));
    return blockers.length === 0 ? null : blockers.map((id) => names.get(id) ?? id);
  };
  return matchNeedRules({
    need,
    household,
    village,
    township,
    services: view.snapshot.services,
    villagesById: lookups.villagesById,
    townshipsById: lookups.townshipsById,
    trustPathTo: (serviceId) => (exclude.has(servicesById.get(serviceId)?.organizationId ?? '') ? null : distances.pathTo(serviceId)),
    trackRecord: (serviceId) => view.trackRecords.get(serviceId) ?? { sent: 0, accepted: 0, resolved: 0, declined: 0 },
    trustUnlockHint: (serviceId) => trustUnlockHint(lookups, distances, servicesById.get(serviceId)),
    consentBlockedBy,
    limit: options.limit,
  });
}

/** What matching looks up by id, built once per network view rather than once per request. */
interface ViewLookups {
  servicesById: ReadonlyMap<string, Service>;
  villagesById: ReadonlyMap<string, Village>;
  townshipsById: ReadonlyMap<string, Township>;
  organizationNames: ReadonlyMap<string, string>;
  /** Organisations, people, villages and townships by id: the names an unlock hint shows. */
  stakeholderNames: ReadonlyMap<string, string>;
  prospective: readonly Relationship[];
}

const lookupsByView = new WeakMap<NetworkView, ViewLookups>();

function viewLookups(view: NetworkView): ViewLookups {
  const cached = lookupsByView.get(view);
  if (cached) return cached;
  const { snapshot } = view;
  const organizationNames = new Map(snapshot.organizations.map((o) => [o.id, o.name] as const));
  const lookups: ViewLookups = {
    servicesById: new Map(snapshot.services.map((s) => [s.id, s])),
    villagesById: new Map(snapshot.villages.map((v) => [v.id, v])),
    townshipsById: new Map(snapshot.townships.map((t) => [t.id, t])),
    organizationNames,
    stakeholderNames: new Map<string, string>([
      ...organizationNames,
      ...snapshot.people.map((p) => [p.id, p.name] as const),
      ...snapshot.villages.map((v) => [v.id, v.displayName] as const),
      ...snapshot.townships.map((t) => [t.id, t.name] as const),
    ]),
    prospective: snapshot.relationships.filter((r) => r.status === 'PROSPECTIVE'),
  };
  lookupsByView.set(view, lookups);
  return lookups;
}

/**
 * When no usable path reaches a service: is there a PROSPECTIVE link between
 * its organisation and a stakeholder the household already reaches? Building
 * that link would open a path.
 */
function trustUnlockHint(lookups: ViewLookups, distances: TrustDistances, service: Service | undefined): string | null {
  if (!service) return null;
  const orgId = service.organizationId;
  const names = lookups.stakeholderNames;
  for (const rel of lookups.prospective) {
    const other = rel.fromId === orgId ? rel.toId : rel.toId === orgId ? rel.fromId : null;
    if (other !== null && distances.distances.has(other)) {
      return `making the PROSPECTIVE ${rel.type} link between ${names.get(orgId) ?? orgId} and ${names.get(other) ?? other} at least BUILDING would open a path`;
    }
  }
  return null;
}

/**
 * The best trust path between two stakeholders (household, person,
 * organisation, service, village, township); null when no usable path exists.
 * When one end is a household, the path honours the family's consent exactly
 * as matchNeed does (consentScope): for the category of `needId` when given
 * (a need of that household), else for no particular category (only
 * organisations a consent names). A path to or through an organisation the
 * family has not consented to is no path.
 */
export async function referralPath(ctx: ServiceContext, fromId: string, toId: string, needId: string | null = null): Promise<TrustPath | null> {
  const view = await networkView(ctx.store);
  let network: TrustNetwork = view.graph;
  let household: Household | null = null;
  for (const [id, field] of [
    [fromId, 'from'],
    [toId, 'to'],
  ] as const) {
    const kind = kindOfId(id);
    if (kind === null) throw badInput(`${field}: must be a Huzhu id (a prefix such as per_ or org_, then its key)`, [field]);
    if (kind === 'Household') {
      if (field === 'to' && fromId === toId) {
        throw badInput('to: the same household as from; a referral path runs from a household to a stakeholder (a service, organisation or person), give one as to', [field]);
      }
      const [found] = await ctx.store.getMany('Household', [id]);
      if (!found) throw notFound('Household', id, [field]);
      if (network !== view.graph) throw badInput(`${field}: at most one end may be a household; give a service, organisation or person as ${field}`, [field]);
      network = withHousehold(view.graph, found);
      household = found;
    } else if (!view.graph.hasNode(id)) {
      const [exists] = await ctx.store.getMany(kind, [id]);
      if (!exists) throw notFound(kind, id, [field]);
      throw badInput(`${field}: a ${kind} is not a stakeholder of the trust network`, [field]);
    }
  }
  let category: string | null = null;
  if (needId !== null) {
    if (kindOfId(needId) !== 'Need') throw badInput(`needId: must be a Need id (need_…)`, ['needId']);
    const [need] = await ctx.store.getMany('Need', [needId]);
    if (!need) throw notFound('Need', needId, ['needId']);
    if (household === null || need.householdId !== household.id) {
      throw badInput(`needId: the need is not a need of the household at either end; give a need of that household or leave needId out`, ['needId']);
    }
    category = need.category;
  }
  if (household === null) return graphTrustPath(network, fromId, toId);
  const consent = await consentScope(ctx, view, household, category);
  const exclude = new Set(consent.excludeOrganizationIds);
  // A service of an organisation the family has not consented to is as closed as the organisation.
  const other = fromId === household.id ? toId : fromId;
  const target = view.snapshot.services.find((s) => s.id === other);
  if (target && exclude.has(target.organizationId)) return null;
  return graphTrustPath(network, fromId, toId, { excludeNodeIds: exclude });
}
