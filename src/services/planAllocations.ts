import { z } from 'zod';
import type { Household, Need, Service, Village } from '../domain/model';
import { CategoryCode, idOf } from '../domain/model';
import { planAllocations as planRules, type AllocationPlan, type AllocationNeed, capacityLeft } from '../domain/matching';
import { IN_PERSON_MARKERS, matchNeed as matchNeedRules } from '../domain/matching';
import { householdTrustDistances, type StakeholderGraph, type TrustDistance, type TrustDistances } from '../graph';
import { isHuzhuError } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import { MAX_BULK_PAGE, type GraphStore, type PlanningNeedFilter, type PlanningNeedPage, type PlanningNeedRow } from '../store/GraphStore';
import { assertCategoriesExist } from './households';
import { networkView, type NetworkView } from './networkSnapshot';
import { requireReferralConsent } from './consent';
import { createReferral } from './referrals';
import type { ServiceContext } from './ServiceContext';

export const PlanAllocationsInput = z.object({
  townshipId: idOf('Township').nullish(),
  category: CategoryCode.nullish(),
  commit: z.boolean().nullish().transform((v) => v ?? false),
  show: z.number().int().min(0).max(1000).nullish().transform((v) => v ?? 100),
});

export interface PlanResult extends AllocationPlan {
  committed: boolean;
  needsConsidered: number;
  referralsCreated: number;
  commitOutcomes: Map<string, { referralId: string } | { error: string }>;
}

export interface PlanProgress {
  (line: string): void;
}

/**
 * Allocate all OPEN needs (optionally of one township / category) at once.
 *
 * Cost: one network view, then one trust search per distinct (village,
 * credit officer) pair — every household of a village without a loan reaches
 * the network through the same village node, so their trust distances are
 * identical — kept per projection graph, and the matching rules once per need
 * profile, kept per projection and services' counters (so a second plan on
 * an unchanged network, or after families were registered, runs neither). The rules and the allocation are pure (src/domain/matching);
 * this function only gathers and commits.
 */
export async function planAllocations(ctx: ServiceContext, rawInput: unknown, actorId: string, progress?: PlanProgress): Promise<PlanResult> {
  const input = parseInput(PlanAllocationsInput, rawInput ?? {}, ['input']);
  if (input.category) await assertCategoriesExist(ctx, [input.category], ['input', 'category']);
  const view = await networkView(ctx.store);

  // The open needs with the few fields of theirs and their households' that the plan reads (no description,
  // no head of household); the whole records only for the need of each profile the rules have not met.
  const needs = await listPlanningNeedRows(ctx.store, { townshipId: input.townshipId ?? null, category: input.category ?? null });
  progress?.(`planAllocations: ${needs.length} open needs`);
  const villages = new Map<string, Village>(view.snapshot.villages.map((v) => [v.id, v]));
  const townships = new Map(view.snapshot.townships.map((t) => [t.id, t]));

  // Two needs of one category whose households join the network the same way (village, credit officer) and
  // pass the same eligibility gates (the same tested age bands and markers: evaluateEligibility reads nothing
  // else that changes a pass or a fail, and household size only words an explanation) get the same
  // candidates with the same scores; so the rules run once per such profile, not once per need. Everything a
  // profile's candidates depend on besides the profile is in the network view (services with their active
  // referrals, track records, villages, the graph), so the profiles are kept for as long as those are
  // unchanged (profilesOf): the next plan runs no rules for a profile met before.
  const candidatesByProfile = profilesOf(view);
  const profileOf = profileKeyer(view.snapshot.services);
  const placed: Array<{ row: PlanningNeedRow; household: NonNullable<PlanningNeedRow['household']>; profile: string }> = [];
  // The first need of each profile not met before: the rules run for it, on its whole record.
  const unmet = new Map<string, { needId: string; householdId: string }>();
  for (const row of needs) {
    const household = row.household;
    const village = household ? villages.get(household.villageId) : undefined;
    if (!household || !village || !townships.has(village.townshipId)) continue;
    const profile = profileOf(row.need.category, household);
    if (!candidatesByProfile.has(profile) && !unmet.has(profile)) unmet.set(profile, { needId: row.need.id, householdId: household.id });
    placed.push({ row, household, profile });
  }

  const serviceDistances = serviceDistancesOf(view);
  let ruleRuns = 0;
  let trustSearches = 0;
  const whole = await wholeRecords(ctx, [...unmet.values()]);
  for (const [profile, { needId, householdId }] of unmet) {
    const need = whole.needs.get(needId);
    const household = whole.households.get(householdId);
    const village = household ? villages.get(household.villageId) : undefined;
    const township = village ? townships.get(village.townshipId) : undefined;
    // Written since the page was read (moved, or gone): its profile is left unmatched, so its needs are left out like a need without a household.
    if (!need || !household || !village || !township || profileOf(need.category, householdFields(household)) !== profile) continue;
    const trustKey = `${household.villageId}|${household.loan?.creditOfficerId ?? ''}`;
    let distances = serviceDistances.get(trustKey);
    if (!distances) {
      distances = distancesToServices(householdTrustDistances(view.graph, household, {}, new Map()), view.snapshot.services);
      serviceDistances.set(trustKey, distances);
      trustSearches += 1;
    }
    const reached = distances;
    ruleRuns += 1;
    const result = matchNeedRules({
      need,
      household,
      village,
      township,
      services: view.snapshot.services,
      // Cost, hops and weakest link are the same for every household sharing the key; steps are not needed here.
      trustPathTo: (serviceId) => {
        const d = reached.get(serviceId);
        return d ? { ...d, steps: [] } : null;
      },
      trackRecord: (serviceId) => view.trackRecords.get(serviceId) ?? { sent: 0, accepted: 0, resolved: 0, declined: 0 },
      limit: 5,
    });
    candidatesByProfile.set(profile, result.kind === 'MATCHED' ? result.matches.map((m) => ({ serviceId: m.serviceId, score: m.score })) : []);
  }

  const allocationNeeds: AllocationNeed[] = [];
  for (const { row, household, profile } of placed) {
    const candidates = candidatesByProfile.get(profile);
    if (!candidates) continue;
    allocationNeeds.push({
      needId: row.need.id,
      villageId: household.villageId,
      vulnerabilityScore: household.vulnerabilityScore,
      urgency: row.need.urgency,
      createdAt: row.need.createdAt,
      candidates,
    });
  }
  progress?.(
    `planAllocations: matched ${allocationNeeds.length} needs with ${candidatesByProfile.size} distinct profiles on this network view (${ruleRuns} rule runs, ${trustSearches} trust searches)`,
  );

  const plan = planRules({
    needs: allocationNeeds,
    capacityLeft: new Map(view.snapshot.services.map((s) => [s.id, capacityLeft(s)])),
  });

  const commitOutcomes = new Map<string, { referralId: string } | { error: string }>();
  let referralsCreated = 0;
  if (input.commit) {
    // The network version moves only with stakeholder writes, so the key also names the need's state:
    // a need declined back to OPEN since an earlier plan gets a new referral, a retried commit the same one.
    const needUpdatedAt = new Map(needs.map(({ need }) => [need.id, need.updatedAt]));
    for (const a of plan.assignments) {
      try {
        const { referral, created } = await createReferral(
          ctx,
          { actorId },
          { needId: a.needId, serviceId: a.serviceId, idempotencyKey: `plan:${view.version}:${a.needId}:${needUpdatedAt.get(a.needId) ?? ''}`, note: 'planAllocations' },
          (need, service, reason) => requireReferralConsent(ctx, need, service, reason),
        );
        if (created) referralsCreated += 1;
        commitOutcomes.set(a.needId, { referralId: referral.id });
      } catch (error) {
        // Capacity or status may have changed since the plan was made: report per need, keep going.
        if (!isHuzhuError(error)) throw error;
        commitOutcomes.set(a.needId, { error: `${error.code}: ${error.message}` });
      }
    }
  }
  return { ...plan, committed: input.commit, needsConsidered: needs.length, referralsCreated, commitOutcomes };
}

/**
 * A profile's candidates, kept per what the matching rules read of a network view for its category: the
 * stakeholder projection (its graph stands for it: a stakeholder write builds a new one) and, of the services
 * offering that category (matchNeed skips every other service), their active referrals and track records.
 * The households per village the view also carries enter no rule and no trust search (matchNeed and
 * src/graph read none), so registering a family keeps every profile; a referral keeps the profiles of the
 * categories its service does not offer.
 */
const profilesByGraph = new WeakMap<StakeholderGraph, Map<string, { servicesKey: string; profiles: Map<string, AllocationNeed['candidates']> }>>();

interface ProfileCandidates {
  has(profile: string): boolean;
  get(profile: string): AllocationNeed['candidates'] | undefined;
  set(profile: string, candidates: AllocationNeed['candidates']): void;
  /** Profiles known for the categories asked about so far. */
  readonly size: number;
}

/** Profile keys start with their category and a '|' (profileKeyer). */
function profilesOf(view: NetworkView): ProfileCandidates {
  let byCategory = profilesByGraph.get(view.graph);
  if (!byCategory) {
    byCategory = new Map();
    profilesByGraph.set(view.graph, byCategory);
  }
  const kept = byCategory;
  const resolved = new Map<string, Map<string, AllocationNeed['candidates']>>();
  const forProfile = (profile: string) => {
    const category = profile.slice(0, profile.indexOf('|'));
    let profiles = resolved.get(category);
    if (!profiles) {
      const servicesKey = JSON.stringify(
        view.snapshot.services.filter((s) => s.categories.includes(category)).map((s) => [s.id, s.activeReferrals, view.trackRecords.get(s.id) ?? null]),
      );
      let entry = kept.get(category);
      if (!entry || entry.servicesKey !== servicesKey) {
        entry = { servicesKey, profiles: new Map() };
        kept.set(category, entry);
      }
      profiles = entry.profiles;
      resolved.set(category, profiles);
    }
    return profiles;
  };
  return {
    has: (profile) => forProfile(profile).has(profile),
    get: (profile) => forProfile(profile).get(profile),
    set: (profile, candidates) => void forProfile(profile).set(profile, candidates),
    get size() {
      let n = 0;
      for (const profiles of resolved.values()) n += profiles.size;
      return n;
    },
  };
}

/**
 * What a plan reads of a trust search from a household, per (village, credit officer) and per projection
 * graph: the distance to each service it reaches (householdTrustDistances explains why every household
 * of the key shares them; steps and the rest of the network are not kept). The graph is the projection's,
 * kept across views while only the counters move, and searches read no counter; a stakeholder write builds
 * a new graph, and its entry goes with the old one.
 */
const serviceDistancesByGraph = new WeakMap<StakeholderGraph, Map<string, ReadonlyMap<string, TrustDistance>>>();

function serviceDistancesOf(view: NetworkView): Map<string, ReadonlyMap<string, TrustDistance>> {
  let distances = serviceDistancesByGraph.get(view.graph);
  if (!distances) {
    distances = new Map();
    serviceDistancesByGraph.set(view.graph, distances);
  }
  return distances;
}

function distancesToServices(trust: TrustDistances, services: readonly Service[]): ReadonlyMap<string, TrustDistance> {
  const reached = new Map<string, TrustDistance>();
  for (const s of services) {
    const d = trust.distances.get(s.id);
    if (d) reached.set(s.id, d);
  }
  return reached;
}

/**
 * What decides a need's candidates besides the network (see planAllocations): its category, the household's
 * village and credit officer, and those of its age bands and markers that some service of the category tests
 * (or that call for in-person help): a band no service asks about cannot change a pass or a fail.
 */
function profileKeyer(services: readonly Service[]): (category: string, household: ProfileHousehold) => string {
  const tested = new Map<string, { bands: Set<string>; markers: Set<string> }>();
  const testedIn = (category: string) => {
    let sets = tested.get(category);
    if (!sets) {
      sets = { bands: new Set(), markers: new Set(IN_PERSON_MARKERS) };
      for (const s of services) {
        if (!s.categories.includes(category)) continue;
        for (const b of s.eligibility.ageBands) sets.bands.add(b);
        for (const m of [...s.eligibility.requiredMarkers, ...s.eligibility.anyOfMarkers]) sets.markers.add(m);
      }
      tested.set(category, sets);
    }
    return sets;
  };
  return (category, household) => {
    const { bands, markers } = testedIn(category);
    // Ids, codes and enum values hold no '|' or ',': a plain join is an unambiguous key.
    return `${category}|${household.villageId}|${household.creditOfficerId ?? ''}|${testedOf(household.memberAgeBands, bands)}|${testedOf(household.markers, markers)}`;
  };
}

/** What profileKeyer reads of a household (a PlanningNeedRow's household, or householdFields of a whole record). */
type ProfileHousehold = Pick<NonNullable<PlanningNeedRow['household']>, 'villageId' | 'creditOfficerId' | 'memberAgeBands' | 'markers'>;

function householdFields(household: Household): ProfileHousehold {
  return { villageId: household.villageId, creditOfficerId: household.loan?.creditOfficerId ?? null, memberAgeBands: household.memberAgeBands, markers: household.markers };
}

/** The values of `values` that `tested` holds, each once, sorted, joined by ','. */
function testedOf(values: readonly string[], tested: ReadonlySet<string>): string {
  const kept: string[] = [];
  for (const v of values) if (tested.has(v) && !kept.includes(v)) kept.push(v);
  return kept.length > 1 ? kept.sort().join(',') : (kept[0] ?? '');
}

/** Every OPEN need (of the township / category), page by page, as GraphStore.listPlanningNeeds gives them. */
async function listPlanningNeedRows(store: GraphStore, filter: PlanningNeedFilter): Promise<PlanningNeedRow[]> {
  const rows: PlanningNeedRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page: PlanningNeedPage = await store.listPlanningNeeds(filter, { first: MAX_BULK_PAGE, after });
    for (const row of page.rows) rows.push(row);
    if (!page.hasNextPage) return rows;
    after = page.endCursor;
  }
}

/** The whole need and household records of the profiles the rules run for. */
async function wholeRecords(
  ctx: ServiceContext,
  wanted: ReadonlyArray<{ needId: string; householdId: string }>,
): Promise<{ needs: Map<string, Need>; households: Map<string, Household> }> {
  const needs = new Map<string, Need>();
  const households = new Map<string, Household>();
  const householdIds = [...new Set(wanted.map((w) => w.householdId))];
  for (let i = 0; i < wanted.length; i += MAX_BULK_PAGE) {
    for (const n of await ctx.store.getMany('Need', wanted.slice(i, i + MAX_BULK_PAGE).map((w) => w.needId))) if (n) needs.set(n.id, n);
  }
  for (let i = 0; i < householdIds.length; i += MAX_BULK_PAGE) {
    for (const h of await ctx.store.getMany('Household', householdIds.slice(i, i + MAX_BULK_PAGE))) if (h) households.set(h.id, h);
  }
  return { needs, households };
}
