/**
 * Builders for the matching domain's inputs (src/domain/matching): eligibility
 * rules, trust paths, track records, allocation needs, capacities, and points
 * at a known distance. Ids are fresh per call, times BUILT_AT, as in the
 * entity builders.
 */
import type { AllocationNeed, TrackRecord, TrustPathInfo } from '../../../src/domain/matching';
import { newId } from '../../../src/domain/ids';
import type { Eligibility, GeoPoint } from '../../../src/domain/model';
import { BUILT_AT } from './defaults';

/** Eligibility with no rule: everyone qualifies. */
export const NO_RULES: Eligibility = { ageBands: [], requiredMarkers: [], anyOfMarkers: [], residencyTownshipIds: [] };

export function anEligibility(overrides: Partial<Eligibility> = {}): Eligibility {
  return { ...NO_RULES, ...overrides };
}

/** A point `km` kilometres due north of `from` (1° of latitude ≈ 111.195 km on the mean-radius sphere). */
export function pointNorthOf(from: Pick<GeoPoint, 'lat' | 'lng'>, km: number, precision: GeoPoint['precision'] = 'exact'): GeoPoint {
  return { lat: from.lat + (km / (6371.0088 * Math.PI)) * 180, lng: from.lng, precision };
}

/** A trust path of 4 ESTABLISHED hops (its steps left out). */
export function aTrustPath(overrides: Partial<TrustPathInfo> = {}): TrustPathInfo {
  return { hops: 4, cost: 4, weakestStatus: 'ESTABLISHED', steps: [], ...overrides };
}

/** A service with no referral history. */
export const NO_HISTORY: TrackRecord = { sent: 0, accepted: 0, resolved: 0, declined: 0 };

/** An open need as planAllocations sees it, with one candidate service. */
export function anAllocationNeed(overrides: Partial<AllocationNeed> = {}): AllocationNeed {
  return {
    needId: newId('Need'),
    villageId: newId('Village'),
    vulnerabilityScore: 5,
    urgency: 'MEDIUM',
    createdAt: BUILT_AT,
    candidates: [{ serviceId: newId('Service'), score: 0.8 }],
    ...overrides,
  };
}

/** Allocation candidates for the given services, best first (scores 0.9, 0.8, …). */
export function candidates(...serviceIds: string[]): AllocationNeed['candidates'] {
  return serviceIds.map((serviceId, i) => ({ serviceId, score: 0.9 - i * 0.1 }));
}

/** Capacities left per service id (null: no limit). */
export function capacities(entries: Record<string, number | null>): ReadonlyMap<string, number | null> {
  return new Map(Object.entries(entries));
}
