import type { Marker } from '../model';
import type { TrustPathInfo, TrustedStatus } from './TrustPathInfo';

/**
 * How much each part counts; they sum to 1 so the score stays in [0, 1].
 * Track record weighs as much as trust: a provider that keeps declining
 * drops below a somewhat farther one that answers (six declines with no
 * acceptance move a service by 0.35 × (0.5 − 1/8) ≈ 0.13, more than a
 * township station's lead in distance and trust over a county service).
 */
export const SCORE_WEIGHTS = {
  distance: 0.25,
  trust: 0.3,
  trackRecord: 0.35,
  capacity: 0.1,
} as const;

/**
 * Household markers that call for help in person (上门/面对面): applying for
 * 低保/特困 needs documents and a home visit, and a person with a disability
 * certificate or an elder living alone (独居老人) often cannot use online help
 * unaided. For such a household, every in-person service ranks above every
 * online one for the same need (see compareScoredMatches).
 */
export const IN_PERSON_MARKERS: readonly Marker[] = ['TEKUN', 'DIBAO', 'DISABILITY_CERTIFICATE', 'SOLITARY_ELDERLY'];

/** Whether the household's markers call for in-person help (IN_PERSON_MARKERS). */
export function callsForInPerson(markers: readonly Marker[]): boolean {
  return markers.some((m) => IN_PERSON_MARKERS.includes(m));
}

/** The shape constants of each part's value (see scoreMatch). */
export const SCORE_SCALES = {
  /** km at which the distance value halves: 1 / (1 + km / 10). */
  distanceHalfKm: 10,
  /** Value of an unknown distance (a service without a location): the value of 10 km, neither near nor far. */
  unknownDistanceValue: 0.5,
  /** Path cost at which the trust value halves: 1 / (1 + cost / 4), i.e. a four-link established path. */
  trustHalfCost: 4,
  /** Factor on the trust value by the weakest link: a BUILDING link halves it. */
  weakestLinkFactor: { ESTABLISHED: 1, BUILDING: 0.5 } satisfies Record<TrustedStatus, number>,
  /** Beta(1, 1) prior (Laplace's rule of succession) on acceptance and resolution rates: 1 pseudo-success, 1 pseudo-failure. */
  priorSuccesses: 1,
  priorFailures: 1,
} as const;

/**
 * Past referrals to a service. `accepted`, `declined` and `resolved` count
 * referrals among the `sent` ones that ever reached that state (a resolved
 * referral also counts as accepted if it was accepted first). `declined`
 * counts declines that say something about the provider; a decline for
 * NO_CAPACITY (full, not unwilling) is counted apart in
 * `declinedNoCapacity` and never counts against it. DECLINED and RESOLVED
 * are both final, so accepted + declined + declinedNoCapacity ≤ sent and
 * resolved + declined + declinedNoCapacity ≤ sent.
 */
export interface TrackRecord {
  sent: number;
  accepted: number;
  resolved: number;
  declined: number;
  /** Declines with reason NO_CAPACITY: neutral for reliability (absent = 0). */
  declinedNoCapacity?: number;
}

export interface ScoreInput {
  /** Physical distance from the service's location to the village, null when unknown. */
  distanceKm: number | null;
  /** An online service scores as if it were 0 km away. */
  online: boolean;
  trust: Pick<TrustPathInfo, 'hops' | 'cost' | 'weakestStatus'>;
  trackRecord: TrackRecord;
  /** Stated capacity, null = no limit. */
  capacity: number | null;
  /** capacity − activeReferrals, null = no limit. */
  capacityLeft: number | null;
}

export interface ScoreParts {
  distance: { km: number | null; online: boolean; value: number; weight: number; note: string };
  trust: { hops: number; cost: number; weakestStatus: TrustedStatus; value: number; weight: number };
  trackRecord: Required<TrackRecord> & { acceptanceRate: number; resolutionRate: number; value: number; weight: number };
  capacity: { capacity: number | null; left: number | null; value: number; weight: number };
}

export interface ScoredMatch {
  score: number;
  parts: ScoreParts;
}

/**
 * The match score, in [0, 1], higher is better:
 *
 *   score = 0.25·D + 0.30·T + 0.35·R + 0.10·C          (SCORE_WEIGHTS)
 *
 *   D (distance)     = 1                      if the service is online (0 km equivalent)
 *                    = 1 / (1 + km / 10)      if its distance is known
 *                    = 0.5                    if it has no location (the value at 10 km)
 *   T (trust)        = f(weakest) / (1 + cost / 4),  f(ESTABLISHED) = 1, f(BUILDING) = 0.5;
 *                      cost is the path-finder's path cost (so BUILDING links count
 *                      twice: once in the cost, once as the weakest link)
 *   R (track record) = min(a, r) with Laplace-smoothed (Beta(1,1)) rates
 *                      a = (accepted + 1) / (accepted + declined + 2)   acceptance among answered referrals
 *                      r = (resolved + 1) / (sent − declined − declinedNoCapacity + 2)
 *                                                                       resolution among referrals not declined
 *                      A provider is as reliable as its weaker rate: one that accepts and
 *                      never resolves is no better than one that declines. Declines for
 *                      NO_CAPACITY (the service was full) count in neither rate.
 *                      A service with no history gets a = r = R = 0.5, the prior mean:
 *                      neither favoured nor punished; six declines bring R to 1/8.
 *   C (capacity)     = 1 if unlimited, else clamp(left / capacity, 0, 1): a small
 *                      preference for services with room to spare.
 *
 * Ranking (compareScoredMatches): when the household's markers call for
 * in-person help (IN_PERSON_MARKERS: 特困, 低保, 残疾证, 独居老人), every
 * in-person service ranks above every online one for the same need, whatever
 * their scores (an online service's distance value of 1 would otherwise put
 * online counselling above in-person 低保/特困 application help); then score
 * desc, distance asc (unknown last), service id asc.
 *
 * Pure and deterministic: equal inputs give bit-for-bit equal scores, so
 * rankings built on it are reproducible.
 */
export function scoreMatch(input: ScoreInput): ScoredMatch {
  assertValid(input);
  const { distanceKm, online, trust, trackRecord: t } = input;

  const distanceValue = online
    ? 1
    : distanceKm === null
      ? SCORE_SCALES.unknownDistanceValue
      : 1 / (1 + distanceKm / SCORE_SCALES.distanceHalfKm);
  const distanceNote = online
    ? 'online: scored as 0 km'
    : distanceKm === null
      ? `no location: scored as ${SCORE_SCALES.distanceHalfKm} km`
      : 'great-circle distance';

  const trustValue = SCORE_SCALES.weakestLinkFactor[trust.weakestStatus] / (1 + trust.cost / SCORE_SCALES.trustHalfCost);

  const prior = SCORE_SCALES.priorSuccesses + SCORE_SCALES.priorFailures;
  const declinedNoCapacity = t.declinedNoCapacity ?? 0;
  const acceptanceRate = (t.accepted + SCORE_SCALES.priorSuccesses) / (t.accepted + t.declined + prior);
  const resolutionRate = (t.resolved + SCORE_SCALES.priorSuccesses) / (t.sent - t.declined - declinedNoCapacity + prior);
  const trackValue = Math.min(acceptanceRate, resolutionRate);

  const capacityValue =
    input.capacity === null || input.capacityLeft === null
      ? 1
      : input.capacity <= 0
        ? 0
        : Math.min(1, Math.max(0, input.capacityLeft / input.capacity));

  const parts: ScoreParts = {
    distance: { km: online ? 0 : distanceKm, online, value: distanceValue, weight: SCORE_WEIGHTS.distance, note: distanceNote },
    trust: { hops: trust.hops, cost: trust.cost, weakestStatus: trust.weakestStatus, value: trustValue, weight: SCORE_WEIGHTS.trust },
    trackRecord: { ...t, declinedNoCapacity, acceptanceRate, resolutionRate, value: trackValue, weight: SCORE_WEIGHTS.trackRecord },
    capacity: { capacity: input.capacity, left: input.capacityLeft, value: capacityValue, weight: SCORE_WEIGHTS.capacity },
  };
  const sum =
    parts.distance.weight * parts.distance.value +
    parts.trust.weight * parts.trust.value +
    parts.trackRecord.weight * parts.trackRecord.value +
    parts.capacity.weight * parts.capacity.value;
  // The weights sum to 1 only up to float rounding; keep the documented range exact.
  return { score: Math.min(1, Math.max(0, sum)), parts };
}

/** What the ranking compares of a match: its score, modality, distance and id. */
export interface RankedFields {
  score: number;
  online: boolean;
  distanceKm: number | null;
  serviceId: string;
}

/**
 * The ranking order, the one place it is decided: with `inPersonFirst`
 * (callsForInPerson of the household's markers) in-person services before
 * online ones; then score desc, then distance asc with unknown distances
 * last, then service id asc (code-unit order, locale-free).
 */
export function compareScoredMatches(a: RankedFields, b: RankedFields, inPersonFirst: boolean): number {
  if (inPersonFirst && a.online !== b.online) return a.online ? 1 : -1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.distanceKm !== b.distanceKm) {
    if (a.distanceKm === null) return 1;
    if (b.distanceKm === null) return -1;
    return a.distanceKm - b.distanceKm;
  }
  return a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0;
}

// Private:

function assertValid({ distanceKm, trust, trackRecord: t }: ScoreInput): void {
  if (distanceKm !== null && !(Number.isFinite(distanceKm) && distanceKm >= 0)) {
    throw new Error(`domain/scoreMatch: distanceKm must be a finite number ≥ 0 or null, got ${distanceKm}`);
  }
  if (!(Number.isFinite(trust.cost) && trust.cost >= 0)) {
    throw new Error(`domain/scoreMatch: trust path cost must be a finite number ≥ 0, got ${trust.cost}; check the path-finder's edge weights`);
  }
  if (!(trust.weakestStatus in SCORE_SCALES.weakestLinkFactor)) {
    throw new Error(
      `domain/scoreMatch: a trust path's weakest link must be ESTABLISHED or BUILDING, got ${JSON.stringify(trust.weakestStatus)}; PROSPECTIVE links carry no referral, so the path-finder must return null`,
    );
  }
  const noCapacity = t.declinedNoCapacity ?? 0;
  const counts = [t.sent, t.accepted, t.resolved, t.declined, noCapacity];
  if (
    !counts.every((n) => Number.isInteger(n) && n >= 0) ||
    t.accepted + t.declined + noCapacity > t.sent ||
    t.resolved + t.declined + noCapacity > t.sent
  ) {
    throw new Error(
      `domain/scoreMatch: track record ${JSON.stringify(t)} is inconsistent; counts must be integers ≥ 0 with accepted + declined + declinedNoCapacity ≤ sent and resolved + declined + declinedNoCapacity ≤ sent`,
    );
  }
}
