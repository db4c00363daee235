import { z } from 'zod';
import type { Household, Need, Service, Village } from '../domain/model';
import { CategoryCode, idOf } from '../domain/model';
import { planAllocations as planRules, type AllocationPlan, type AllocationNeed, capacityLeft } from '../domain/matching';
import { IN_PERSON_MARKERS, matchNeed as matchNeedRules } from '../domain/matching';
import { householdTrustDistances, type StakeholderGraph, type TrustDistance, type TrustDistances } from '../graph';
import { isHuzhuError } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import { MAX_BULK_PAGE } from '../store/GraphStore';
import { assertCategoriesExist } from './households';
import { listAll } from './listAll';
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
 * profile, kept per network view (so a second plan on an unchanged network
 * runs neither). The rules and the allocation are pure (src/domain/matching);
 * this function only gathers and commits.
 */
export async function planAllocations(ctx: ServiceContext, rawInput: unknown, actorId: string, progress?: PlanProgress): Promise<PlanResult> {
  const input = parseInput(PlanAllocationsInput, rawInput ?? {}, ['input']);
  if (input.category) await assertCategoriesExist(ctx, [input.category], ['input', 'category']);
  const view = await networkView(ctx.store);

  const needs = await listAll(ctx.store, 'Need', {
    status: 'OPEN',
    ...(input.townshipId ? { townshipId: input.townshipId } : {}),
    ...(input.category ? { category: input.category } : {}),
  });
  progress?.(`planAllocations: ${needs.length} open needs`);
  const households = await loadHouseholds(ctx, needs);
  const villages = new Map<string, Village>(view.snapshot.villages.map((v) => [v.id, v]));
  const townships = new Map(view.snapshot.townships.map((t) => [t.id, t]));

  // Two needs of one category whose households join the network the same way (village, credit officer) and
  // pass the same eligibility gates (the same tested age bands and markers: evaluateEligibility reads nothing
  // else that changes a pass or a fail, and household size only words an explanation) get the same
  // candidates with the same scores; so the rules run once per such profile, not once per need. Everything a
  // profile's candidates depend on besides the profile is in the network view (services with their active
  // referrals, track records, villages, the graph), so the profiles are kept per view: the next plan on the
  // same view runs no rules for a profile met before, and any change to what the view holds gives a new view.
  const candidatesByProfile = profilesOf(view);
  const profileOf = profileKeyer(view.snapshot.services);
  const serviceDistances = serviceDistancesOf(view);
  const allocationNeeds: AllocationNeed[] = [];
  let ruleRuns = 0;
  let trustSearches = 0;
  for (const need of needs) {
    const household = households.get(need.householdId);
    const village = household ? villages.get(household.villageId) : undefined;
    const township = village ? townships.get(village.townshipId) : undefined;
    if (!household || !village || !township) continue;
    const profile = profileOf(need, household);
    let candidates = candidatesByProfile.get(profile);
    if (!candidates) {
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
      candidates = result.kind === 'MATCHED' ? result.matches.map((m) => ({ serviceId: m.serviceId, score: m.score })) : [];
      candidatesByProfile.set(profile, candidates);
    }
    allocationNeeds.push({
      needId: need.id,
      villageId: village.id,
      vulnerabilityScore: household.vulnerabilityScore,
      urgency: need.urgency,
      createdAt: need.createdAt,
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
    const needUpdatedAt = new Map(needs.map((n) => [n.id, n.updatedAt]));
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

/** A profile's candidates, per network view (see planAllocations); a view no longer handed out is dropped with its entry. */
const profilesByView = new WeakMap<NetworkView, Map<string, AllocationNeed['candidates']>>();

function profilesOf(view: NetworkView): Map<string, AllocationNeed['candidates']> {
  let profiles = profilesByView.get(view);
  if (!profiles) {
    profiles = new Map();
    profilesByView.set(view, profiles);
  }
  return profiles;
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
function profileKeyer(services: readonly Service[]): (need: Need, household: Household) => string {
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
  return (need, household) => {
    const { bands, markers } = testedIn(need.category);
    // Ids, codes and enum values hold no '|' or ',': a plain join is an unambiguous key.
    const ownBands = [...new Set(household.memberAgeBands.filter((b) => bands.has(b)))].sort().join(',');
    const ownMarkers = [...new Set(household.markers.filter((m) => markers.has(m)))].sort().join(',');
    return `${need.category}|${household.villageId}|${household.loan?.creditOfficerId ?? ''}|${ownBands}|${ownMarkers}`;
  };
}

async function loadHouseholds(ctx: ServiceContext, needs: readonly Need[]): Promise<Map<string, Household>> {
  const ids = [...new Set(needs.map((n) => n.householdId))];
  const result = new Map<string, Household>();
  for (let i = 0; i < ids.length; i += MAX_BULK_PAGE) {
    for (const h of await ctx.store.getMany('Household', ids.slice(i, i + MAX_BULK_PAGE))) {
      if (h) result.set(h.id, h);
    }
  }
  return result;
}
