import type { LocationPrecision } from '../model';
import type { EligibilityCheck } from './evaluateEligibility';
import type { ScoreParts } from './scoreMatch';
import type { ServedHow } from './servesVillage';
import type { TrustPathInfo } from './TrustPathInfo';

/**
 * The gates a service passes to be suitable, in the order matchNeed applies
 * them; a service is excluded by (and counted under) the first gate it fails.
 */
export const EXCLUSION_REASONS = [
  'NO_SERVICE_IN_CATEGORY',
  'NOT_ACTIVE',
  'NONE_SERVING_VILLAGE',
  'NOT_ELIGIBLE',
  'AT_CAPACITY',
  'NO_TRUST_PATH',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** One suitable service for a need, with everything a coordinator needs to judge it. */
export interface Match {
  serviceId: string;
  serviceName: string;
  organizationId: string;
  score: number;
  parts: ScoreParts;
  /** Great-circle km from the service's location to the village's point; null when the service has no location. */
  distanceKm: number | null;
  online: boolean;
  /** Which area rule let the service serve the village, and how it read. */
  area: { how: ServedHow; detail: string };
  /** How far to trust distanceKm: a 'township' point is derived, not surveyed. */
  locationPrecision: { village: LocationPrecision; service: LocationPrecision | null };
  /** The eligibility checks the service states (all passed). */
  eligibility: EligibilityCheck[];
  /** Slots left, null = unlimited. */
  capacityLeft: number | null;
  trustPath: TrustPathInfo;
}

/** How many services were looked at, and how many each gate excluded (NO_SERVICE_IN_CATEGORY: those outside the need's category). */
export interface Considered {
  total: number;
  suitable: number;
  excluded: Record<ExclusionReason, number>;
}

/** A fault in a service's record that keeps it from serving anyone; reported for active services of the need's category. */
export interface DataIssue {
  serviceId: string;
  problem: 'RADIUS_WITHOUT_LOCATION';
  detail: string;
}

export interface NoMatchReason {
  reason: ExclusionReason;
  /** Services this gate excluded (empty for NO_SERVICE_IN_CATEGORY: there are none in the category). */
  serviceIds: string[];
  detail: string;
  /** Changes that would let a service through this gate; a service may have none (e.g. residency). */
  unlock: string[];
}

/** One service of the need's category that did not pass, with the gate it failed first. */
export interface ExcludedService {
  serviceId: string;
  reason: Exclude<ExclusionReason, 'NO_SERVICE_IN_CATEGORY'>;
  detail: string;
  /** What would let it through (empty when nothing the coordinator can change would, e.g. residency). */
  unlock: string[];
}

export interface Matched {
  kind: 'MATCHED';
  /**
   * Ranked by compareScoredMatches (scoreMatch.ts): in-person before online when
   * `inPersonFirst`, then score desc, distanceKm asc (unknown last), serviceId asc; at most `limit`.
   */
  matches: Match[];
  /** The household's markers call for in-person help (IN_PERSON_MARKERS), so online services rank last. */
  inPersonFirst: boolean;
  /** The services of the need's category that were not suitable, in gate order, as NoSuitableResource lists them. */
  excluded: ExcludedService[];
  considered: Considered;
  dataIssues: DataIssue[];
}

export interface NoSuitableResource {
  kind: 'NO_SUITABLE_RESOURCE';
  /** One entry per gate that excluded at least one service of the need's category, in gate order. */
  reasons: NoMatchReason[];
  considered: Considered;
  dataIssues: DataIssue[];
}

/** Expected outcomes are values: finding nothing is a result with reasons, not an error. */
export type MatchResult = Matched | NoSuitableResource;
