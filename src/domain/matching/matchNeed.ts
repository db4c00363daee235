import type { Household, Need, Service, Township, Village } from '../model';
import { capacityLeft } from './capacityLeft';
import { evaluateEligibility, type EligibilityResult } from './evaluateEligibility';
import { serviceLabel } from './matchingLabels';
import {
  EXCLUSION_REASONS,
  type Considered,
  type DataIssue,
  type ExcludedService,
  type ExclusionReason,
  type Match,
  type MatchResult,
  type NoMatchReason,
} from './MatchResult';
import { callsForInPerson, compareScoredMatches, scoreMatch, type TrackRecord } from './scoreMatch';
import { servesVillage, type ServesVillageResult } from './servesVillage';
import type { TrustPathInfo, TrustPathLookup } from './TrustPathInfo';

export interface MatchNeedInput {
  need: Pick<Need, 'id' | 'householdId' | 'category'>;
  household: Pick<Household, 'id' | 'villageId' | 'size' | 'memberAgeBands' | 'markers'>;
  village: Pick<Village, 'id' | 'displayName' | 'townshipId' | 'location'>;
  township: Pick<Township, 'id' | 'name'>;
  /** Candidate services (all of them, or a prefiltered set); each id at most once. */
  services: readonly Service[];
  /** Names for explanations (areas, residency rules); ids are shown where a name is missing. */
  villagesById?: ReadonlyMap<string, Pick<Village, 'displayName'>>;
  townshipsById?: ReadonlyMap<string, Pick<Township, 'name'>>;
  /** Best usable trust path from this household to a service (src/graph), null when none. Called only for services passing every other gate. */
  trustPathTo: TrustPathLookup;
  /** Past referrals to a service. Called only for suitable services. */
  trackRecord: (serviceId: string) => TrackRecord;
  /** What single change would open a trust path to a service (e.g. "a BUILDING link to W would open a path"), null when unknown. */
  trustUnlockHint?: (serviceId: string) => string | null;
  /**
   * When the family's consent is restricted: for a service without a usable
   * trust path, the organisations the family has not consented to that stand
   * on the path that would otherwise reach it (names), null when consent is
   * not what blocks it. Its unlock then asks for the family's consent, not
   * for a new relationship.
   */
  consentBlockedBy?: (serviceId: string) => readonly string[] | null;
  /** Most matches to return (≥ 1). */
  limit: number;
}

/**
 * Where should this need go? Runs every service through the gates of
 * EXCLUSION_REASONS in order — category, ACTIVE status, area, eligibility,
 * capacity, trust path — and scores the ones that pass with scoreMatch.
 *
 * The order goes from what the coordinator cannot change today (what a
 * service offers, whether it runs, where) to what changes often (slots, trust
 * links), and puts the one expensive question — a path search — last so it is
 * asked only of services that pass everything else. A service is reported
 * under the first gate it fails, so each appears exactly once.
 *
 * Pure: all I/O sits behind the injected functions.
 */
export function matchNeed(input: MatchNeedInput): MatchResult {
  assertConsistent(input);
  const { need, household, village, township, services } = input;
  const townshipName = (id: string) => input.townshipsById?.get(id)?.name;
  const villageName = (id: string) => input.villagesById?.get(id)?.displayName;

  const excluded: Exclusion[] = [];
  const dataIssues: DataIssue[] = [];
  const suitable: Suitable[] = [];
  let outOfCategory = 0;

  for (const service of services) {
    if (!service.categories.includes(need.category)) {
      outOfCategory += 1;
      continue;
    }
    if (service.status !== 'ACTIVE') {
      excluded.push({ reason: 'NOT_ACTIVE', service });
      continue;
    }
    const serves = servesVillage(service, village, township, { townshipName, villageName });
    if (serves.problem !== null) {
      dataIssues.push({ serviceId: service.id, problem: serves.problem, detail: `${serviceLabel(service)} ${serves.detail}: record its location` });
    }
    if (!serves.serves) {
      excluded.push({ reason: 'NONE_SERVING_VILLAGE', service, serves });
      continue;
    }
    const eligibility = evaluateEligibility(service, household, village, { townshipName });
    if (!eligibility.eligible) {
      excluded.push({ reason: 'NOT_ELIGIBLE', service, eligibility });
      continue;
    }
    const left = capacityLeft(service);
    if (left !== null && left < 1) {
      excluded.push({ reason: 'AT_CAPACITY', service });
      continue;
    }
    const trustPath = input.trustPathTo(service.id);
    if (trustPath === null) {
      excluded.push({ reason: 'NO_TRUST_PATH', service });
      continue;
    }
    suitable.push({ service, serves, eligibility, left, trustPath });
  }

  const considered = countConsidered(services.length, suitable.length, outOfCategory, excluded);
  if (suitable.length === 0) {
    return { kind: 'NO_SUITABLE_RESOURCE', reasons: explain(excluded, input), considered, dataIssues };
  }
  const inPersonFirst = callsForInPerson(household.markers);
  const matches = suitable
    .map((s) => toMatch(s, input))
    .sort((a, b) => compareScoredMatches(a, b, inPersonFirst))
    .slice(0, input.limit);
  return { kind: 'MATCHED', matches, inPersonFirst, excluded: listExcluded(excluded, input), considered, dataIssues };
}

// Private:

interface Suitable {
  service: Service;
  serves: ServesVillageResult;
  eligibility: EligibilityResult;
  left: number | null;
  trustPath: TrustPathInfo;
}

/** Why one service failed, with what its gate found; the union lets explanations switch exhaustively. */
type Exclusion =
  | { reason: 'NOT_ACTIVE'; service: Service }
  | { reason: 'NONE_SERVING_VILLAGE'; service: Service; serves: ServesVillageResult }
  | { reason: 'NOT_ELIGIBLE'; service: Service; eligibility: EligibilityResult }
  | { reason: 'AT_CAPACITY'; service: Service }
  | { reason: 'NO_TRUST_PATH'; service: Service };

function toMatch({ service, serves, eligibility, left, trustPath }: Suitable, input: MatchNeedInput): Match {
  const { score, parts } = scoreMatch({
    distanceKm: serves.distanceKm,
    online: service.online,
    trust: trustPath,
    trackRecord: input.trackRecord(service.id),
    capacity: service.capacity,
    capacityLeft: left,
  });
  return {
    serviceId: service.id,
    serviceName: service.name,
    organizationId: service.organizationId,
    score,
    parts,
    distanceKm: serves.distanceKm,
    online: service.online,
    area: { how: serves.how, detail: serves.detail },
    locationPrecision: { village: input.village.location.precision, service: service.location?.precision ?? null },
    eligibility: eligibility.checks,
    capacityLeft: left,
    trustPath,
  };
}

/** Every excluded service of the need's category, in gate order then input order, with why and what would unlock it. */
function listExcluded(excluded: readonly Exclusion[], input: MatchNeedInput): ExcludedService[] {
  const list: ExcludedService[] = [];
  for (const reason of EXCLUSION_REASONS) {
    for (const e of excluded) {
      if (e.reason !== reason) continue;
      const { detail, unlock } = describe(e, input);
      list.push({ serviceId: e.service.id, reason, detail, unlock: unlock === null ? [] : [unlock] });
    }
  }
  return list;
}

function countConsidered(total: number, suitable: number, outOfCategory: number, excluded: readonly Exclusion[]): Considered {
  const counts = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  counts.NO_SERVICE_IN_CATEGORY = outOfCategory;
  for (const e of excluded) counts[e.reason] += 1;
  return { total, suitable, excluded: counts };
}

function explain(excluded: readonly Exclusion[], input: MatchNeedInput): NoMatchReason[] {
  const { need } = input;
  if (excluded.length === 0) {
    return [
      {
        reason: 'NO_SERVICE_IN_CATEGORY',
        serviceIds: [],
        detail: `no service offers ${need.category} (${input.services.length} service(s) considered)`,
        unlock: [`bring in a service offering ${need.category} (try it first as a what-if)`],
      },
    ];
  }
  const reasons: NoMatchReason[] = [];
  for (const reason of EXCLUSION_REASONS) {
    const group = excluded.filter((e) => e.reason === reason);
    if (group.length === 0) continue;
    const described = group.map((e) => describe(e, input));
    reasons.push({
      reason,
      serviceIds: group.map((e) => e.service.id),
      detail: described.map((d) => d.detail).join('; '),
      unlock: described.flatMap((d) => (d.unlock === null ? [] : [d.unlock])),
    });
  }
  return reasons;
}

function describe(e: Exclusion, input: MatchNeedInput): { detail: string; unlock: string | null } {
  const label = serviceLabel(e.service);
  switch (e.reason) {
    case 'NOT_ACTIVE':
      return { detail: `${label} is ${e.service.status}`, unlock: `${label} once it is ACTIVE (now ${e.service.status})` };
    case 'NONE_SERVING_VILLAGE':
      return {
        detail: `${label} does not serve ${input.village.displayName}: ${e.serves.detail}`,
        unlock: e.serves.unlock === undefined ? null : `${label} ${e.serves.unlock}`,
      };
    case 'NOT_ELIGIBLE': {
      const failed = e.eligibility.checks.filter((c) => !c.passed).map((c) => c.detail);
      return {
        detail: `not eligible for ${label}: ${failed.join('; ')}`,
        unlock: e.eligibility.unlock === null ? null : `${label}: ${e.eligibility.unlock}`,
      };
    }
    case 'AT_CAPACITY':
      return {
        detail: `${label} is at capacity: ${e.service.activeReferrals} active of ${e.service.capacity ?? 'unlimited'}`,
        unlock: `${label}: a slot opens when one of its ${e.service.activeReferrals} active referrals ends or its capacity is raised`,
      };
    case 'NO_TRUST_PATH': {
      const blockers = input.consentBlockedBy?.(e.service.id) ?? null;
      if (blockers !== null && blockers.length > 0) {
        const names = blockers.join('、');
        return {
          detail: `no trust path to ${label} within the family's consent: the path runs through ${names}, which the family has not consented to share with`,
          unlock: `${label}: 征得家庭同意向${names}共享信息（recordConsent）/ ask the family's consent for ${names}`,
        };
      }
      const hint = input.trustUnlockHint?.(e.service.id) ?? null;
      return {
        detail: `no usable trust path from the household to ${label}`,
        unlock:
          hint === null
            ? `${label}: establish a relationship linking ${input.village.displayName}'s liaisons or township station to ${e.service.organizationId}`
            : `${label}: ${hint}`,
      };
    }
    default:
      return assertNever(e);
  }
}

function assertConsistent(input: MatchNeedInput): void {
  const { need, household, village, township, limit } = input;
  const fail = (what: string) => {
    throw new Error(`domain/matchNeed: ${what}`);
  };
  if (need.householdId !== household.id) fail(`need ${need.id} belongs to ${need.householdId}, not to household ${household.id}; pass the need's own household`);
  if (household.villageId !== village.id) fail(`household ${household.id} lives in ${household.villageId}, not in ${village.id}; pass the household's own village`);
  if (village.townshipId !== township.id) fail(`village ${village.id} belongs to ${village.townshipId}, not to ${township.id}; pass the village's own township`);
  if (!Number.isInteger(limit) || limit < 1) fail(`limit must be an integer ≥ 1, got ${limit}`);
  const seen = new Set<string>();
  for (const s of input.services) {
    if (seen.has(s.id)) fail(`service ${s.id} is listed twice; pass each service once`);
    seen.add(s.id);
  }
}

function assertNever(value: never): never {
  throw new Error(`domain/matchNeed: unhandled exclusion ${JSON.stringify(value)}; update matchNeed's describe()`);
}
