import type { StakeholderGraph } from './StakeholderGraph';
import type { TrustDistance, TrustDistances, TrustPath, TrustPathOptions, TrustStep } from './TrustPathTypes';
import { trustDistancesFrom } from './trustDistancesFrom';
import { withHousehold, type OverlayHousehold } from './withHousehold';

/** How many (village, officer, options) searches one projection keeps for requests before starting afresh. */
export const HOUSEHOLD_TRUST_CACHE_LIMIT = 1_024;

/** A cache a caller owns (a batch such as planAllocations: every key it meets, dropped with the batch). */
export type HouseholdTrustCache = Map<string, TrustDistances>;

/**
 * Trust distances from a household, shared by every household that joins the
 * network the same way.
 *
 * A household is not in the projection: withHousehold adds it with one edge
 * to its village and, when it holds a loan, one to its credit officer (with
 * the loan's since). Every path from it leaves through those edges and never
 * comes back (the household has no other edge), so two households with the
 * same village, officer and loan date have the same distances to every
 * stakeholder and the same best paths, step for step, except for their own id
 * at the start (the search's tie-break on node-id sequences compares paths
 * from one source, whose first id is common to all of them) and the date on
 * the loan step (a date costs nothing: trustEdgeCost reads the status only).
 *
 * So the single-source search runs once per (village, officer, search
 * options) and the result is handed to each household with its own id and
 * loan date put back in (ids, the first step, the overlay edge keys). Keyed on the
 * projection (a graph is never mutated: a network write builds a new one), so
 * a cached search never outlives the network it was made on; a batch over one
 * graph (planAllocations) passes a cache of its own, which holds every key it
 * meets and goes with the batch.
 */
export function householdTrustDistances(
  graph: StakeholderGraph,
  household: OverlayHousehold,
  options: TrustPathOptions = {},
  batchCache?: HouseholdTrustCache,
): TrustDistances {
  let cache = batchCache ?? caches.get(graph);
  if (!cache) {
    cache = new Map();
    caches.set(graph, cache);
  }
  const key = cacheKey(household, options);
  let shared = cache.get(key);
  if (!shared) {
    if (batchCache === undefined && cache.size >= HOUSEHOLD_TRUST_CACHE_LIMIT) cache.clear();
    shared = trustDistancesFrom(withHousehold(graph, household), household.id, options);
    cache.set(key, shared);
  }
  return shared.fromId === household.id ? shared : rebased(shared, household);
}

// Private:

const caches = new WeakMap<StakeholderGraph, Map<string, TrustDistances>>();

function cacheKey(household: OverlayHousehold, options: TrustPathOptions): string {
  const excluded = [...new Set(options.excludeNodeIds ?? [])].sort();
  return JSON.stringify([
    household.villageId,
    household.loan?.creditOfficerId ?? null,
    options.buildingPenalty ?? null,
    options.allowBuilding ?? null,
    options.maxCost ?? null,
    // The household's own id in an exclusion list stops the search at its start: keep that apart.
    excluded.map((id) => (id === household.id ? '\u0000self' : id)),
  ]);
}

/** The shared search seen from another household of the same key: its id (and loan date) where the first household's stood. */
function rebased(shared: TrustDistances, household: OverlayHousehold): TrustDistances {
  const origin = shared.fromId;
  const householdId = household.id;
  const swap = (id: string) => (id === origin ? householdId : id);
  const swapKey = (key: string) => (key.startsWith(`${origin}|`) ? `${householdId}${key.slice(origin.length)}` : key);
  const step = (s: TrustStep): TrustStep => {
    const own = s.fromId === origin || s.toId === origin;
    return {
      ...s,
      fromId: swap(s.fromId),
      toId: swap(s.toId),
      edgeKey: swapKey(s.edgeKey),
      ...(own && s.type === 'LOAN' ? { since: household.loan?.since ?? null } : {}),
    };
  };
  return {
    fromId: householdId,
    distances: new RebasedDistances(shared.distances, origin, householdId),
    pathTo(toId: string): TrustPath | null {
      if (toId === origin) return null;
      const path = shared.pathTo(toId === householdId ? origin : toId);
      if (path === null) return null;
      return { ...path, fromId: householdId, toId: swap(path.toId), steps: path.steps.map(step) };
    },
  };
}

/** A read-only view of a distance map with one key renamed (O(1), no copy). */
class RebasedDistances implements ReadonlyMap<string, TrustDistance> {
  constructor(
    private readonly inner: ReadonlyMap<string, TrustDistance>,
    private readonly origin: string,
    private readonly householdId: string,
  ) {}

  get size(): number {
    return this.inner.size;
  }

  get(key: string): TrustDistance | undefined {
    if (key === this.origin) return undefined;
    return this.inner.get(key === this.householdId ? this.origin : key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  forEach(callback: (value: TrustDistance, key: string, map: ReadonlyMap<string, TrustDistance>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  *entries(): MapIterator<[string, TrustDistance]> {
    for (const [key, value] of this.inner) yield [key === this.origin ? this.householdId : key, value];
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<TrustDistance> {
    yield* this.inner.values();
  }

  [Symbol.iterator](): MapIterator<[string, TrustDistance]> {
    return this.entries();
  }
}
