import type { TrustPathInfo, TrustedStatus } from './TrustPathInfo';

/** How much each part counts; they sum to 1 so the score stays in [0, 1]. */
export const SCORE_WEIGHTS = {
  distance: 0.3,
  trust: 0.35,
  trackRecord: 0.25,
  capacity: 0.1,
} as const;

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
  /** Beta(2, 2) prior on acceptance and resolution rates: 2 pseudo-successes, 2 pseudo-failures. */
  priorSuccesses: 2,
  priorFailures: 2,
} as const;

/**
 * Past referrals to a service. `accepted`, `declined` and `resolved` count
 * referrals among the `sent` ones that ever reached that state (a resolved
 * referral also counts as accepted if it was accepted first). DECLINED and
 * RESOLVED are both final, so accepted + declined ≤ sent and resolved +
 * declined ≤ sent.
 */
export interface TrackRecord {
  sent: number;
  accepted: number;
  resolved: number;
  declined: number;
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
  trackRecord: TrackRecord & { acceptanceRate: number; resolutionRate: number; value: number; weight: number };
  capacity: { capacity: number | null; left: number | null; value: number; weight: number };
}

export interface ScoredMatch {
  score: number;
  parts: ScoreParts;
}

/**
 * The match score, in [0, 1], higher is better:
 *
 *   score = 0.30·D + 0.35·T + 0.25·R + 0.10·C          (SCORE_WEIGHTS)
 *
 *   D (distance)     = 1                      if the service is online (0 km equivalent)
 *                    = 1 / (1 + km / 10)      if its distance is known
 *                    = 0.5                    if it has no location (the value at 10 km)
 *   T (trust)        = f(weakest) / (1 + cost / 4),  f(ESTABLISHED) = 1, f(BUILDING) = 0.5;
 *                      cost is the path-finder's path cost (so BUILDING links count
 *                      twice: once in the cost, once as the weakest link)
 *   R (track record) = (a + r) / 2 with Beta(2,2)-smoothed rates
 *                      a = (accepted + 2) / (accepted + declined + 4)   acceptance among answered referrals
 *                      r = (resolved + 2) / (sent − declined + 4)       resolution among referrals not declined
 *                      A service with no history gets a = r = R = 0.5, the prior mean:
 *                      neither favoured nor punished; evidence moves it gradually.
 *   C (capacity)     = 1 if unlimited, else clamp(left / capacity, 0, 1): a small
 *                      preference for services with room to spare.
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
  const acceptanceRate = (t.accepted + SCORE_SCALES.priorSuccesses) / (t.accepted + t.declined + prior);
  const resolutionRate = (t.resolved + SCORE_SCALES.priorSuccesses) / (t.sent - t.declined + prior);
  const trackValue = (acceptanceRate + resolutionRate) / 2;

  const capacityValue =
    input.capacity === null || input.capacityLeft === null
      ? 1
      : input.capacity <= 0
        ? 0
        : Math.min(1, Math.max(0, input.capacityLeft / input.capacity));

  const parts: ScoreParts = {
    distance: { km: online ? 0 : distanceKm, online, value: distanceValue, weight: SCORE_WEIGHTS.distance, note: distanceNote },
    trust: { hops: trust.hops, cost: trust.cost, weakestStatus: trust.weakestStatus, value: trustValue, weight: SCORE_WEIGHTS.trust },
    trackRecord: { ...t, acceptanceRate, resolutionRate, value: trackValue, weight: SCORE_WEIGHTS.trackRecord },
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
  const counts = [t.sent, t.accepted, t.resolved, t.declined];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0) || t.accepted + t.declined > t.sent || t.resolved + t.declined > t.sent) {
    throw new Error(
      `domain/scoreMatch: track record ${JSON.stringify(t)} is inconsistent; counts must be integers ≥ 0 with accepted + declined ≤ sent and resolved + declined ≤ sent`,
    );
  }
}
