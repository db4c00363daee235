import { SUPPORT_CATEGORIES, villageLiaisons, type VillageLiaisons } from '../../domain/coverageDefinitions';
import { greatCircleKm } from '../../domain/greatCircleKm';
import { capacityLeft, servesVillage } from '../../domain/matching';
import type { Category, Service, Township, Village } from '../../domain/model';
import type { NetworkSnapshot, StakeholderGraph } from '../../graph';
import { establishedReach, reaches } from './establishedReach';

export const DEFAULT_MAX_DISTANCE_KM = 30;

/** What a coverage computation reads: a network snapshot and the graph built from it (today's, or a scenario's). */
export interface CoverageNetwork {
  snapshot: NetworkSnapshot;
  graph: StakeholderGraph;
}

export interface CoverageOptions {
  /** Every category to evaluate; `core` ones decide whether a village counts as covered. */
  categories: readonly Category[];
  /** A service with a location must lie within this many km of the village (online ones are exempt). */
  maxDistanceKm: number;
}

export type GapKind = 'NO_SERVICE' | 'AT_CAPACITY';

/**
 * Why no service covers a cell: the furthest any ACTIVE service of the
 * category got, in the order they are checked (so the cause names what a
 * designer would have to change first).
 */
export const NO_SERVICE_CAUSES = ['NO_ACTIVE_SERVICE', 'OUTSIDE_SERVICE_AREA', 'BEYOND_DISTANCE', 'NO_ESTABLISHED_PATH'] as const;
export type NoServiceCause = (typeof NO_SERVICE_CAUSES)[number];

/** One village × category cell. */
export interface CoverageCell {
  category: string;
  /** A suitable service reaches the village (see villageCoverage); true for AT_CAPACITY cells too. */
  covered: boolean;
  /** NO_SERVICE: nothing covers it; AT_CAPACITY: covered, but every covering service is full. */
  gap: GapKind | null;
  /** Set exactly when gap is NO_SERVICE. */
  cause: NoServiceCause | null;
  /** The covering services, sorted by id (empty when not covered). */
  serviceIds: string[];
}

export interface VillageCoverage {
  village: Village;
  township: Pick<Township, 'id' | 'name'>;
  households: number;
  /** Households with vulnerabilityScore > 0. */
  vulnerable: number;
  /** One cell per category, in the order of options.categories. */
  cells: CoverageCell[];
  /** The village's liaisons and volunteers and their strongest standing (domain/coverageDefinitions). */
  liaisons: VillageLiaisons;
  /**
   * VILLAGES_COVERED (domain/coverageDefinitions): an ESTABLISHED liaison or
   * volunteer — what "a covered village" means in every report.
   */
  covered: boolean;
  /** The support categories (MEDICAL, ELDERLY_CARE, EDUCATION) with a suitable service reachable through ESTABLISHED links. */
  categoriesReached: string[];
  /** Covered, and every support category reached. */
  fullyCovered: boolean;
}

export interface NetworkCoverage {
  /** Sorted by village id. */
  villages: VillageCoverage[];
  categories: readonly Category[];
  coreCategories: string[];
  maxDistanceKm: number;
}

/**
 * For each village and category: which services are suitable before any
 * trust question is asked (ACTIVE, offering the category, serving the
 * village's area, within the distance limit). It depends only on the
 * snapshot, so a caller that varies only the graph (singlePointsOfFailure)
 * computes it once.
 */
export type ServiceSuitability = ReadonlyMap<string, ReadonlyMap<string, Suitable>>;

export interface Suitable {
  serviceIds: readonly string[];
  /** When serviceIds is empty: how far the best service got. */
  furthest: Exclude<NoServiceCause, 'NO_ESTABLISHED_PATH'>;
}

/**
 * Coverage of every village: whether it is covered (an ESTABLISHED liaison or
 * volunteer, domain/coverageDefinitions VILLAGES_COVERED), and category by
 * category which services reach it. A village is covered for a category when
 * some service
 * 1. is ACTIVE and offers the category;
 * 2. serves the village (domain/matching servesVillage: online, COUNTY,
 *    TOWNSHIPS, VILLAGES or RADIUS) and, if it states a residency rule, the
 *    village lies in one of its townships (the only eligibility rule that is
 *    a fact of the village; age and marker rules are per household and
 *    decided by matching);
 * 3. unless online, lies within maxDistanceKm of the village point (a
 *    service with no recorded location is not held to the limit: its area
 *    rule decides, as in matching);
 * 4. is reachable from the village node through ESTABLISHED links only
 *    (a liaison, volunteer or officer assigned to the village, their
 *    station, the organisation; BUILDING and PROSPECTIVE links do not count,
 *    nor does a family's own loan tie to a credit officer — households enter
 *    only as counts).
 * Capacity does not decide coverage (reach is structure; slots come and go):
 * a covered cell whose every covering service has no slot left is reported
 * as an AT_CAPACITY gap.
 *
 * `given` lets a caller that varies one input reuse the other: the
 * suitability of a snapshot, or the reach (establishedReach) of a graph with
 * a node removed.
 */
export function villageCoverage(
  network: CoverageNetwork,
  options: CoverageOptions,
  given: { suitability?: ServiceSuitability; reach?: ReadonlyMap<string, number> } = {},
): NetworkCoverage {
  assertOptions(options);
  const { snapshot } = network;
  const suitability = given.suitability ?? serviceSuitability(snapshot, options);
  const reach = given.reach ?? establishedReach(network.graph);
  const servicesById = new Map(snapshot.services.map((s) => [s.id, s]));
  const townshipsById = new Map(snapshot.townships.map((t) => [t.id, t]));
  const coreCategories = options.categories.filter((c) => c.core).map((c) => c.code);
  const liaisons = villageLiaisons(snapshot.people, snapshot.relationships);

  const villages = [...snapshot.villages]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((village): VillageCoverage => {
      const counts = snapshot.householdsByVillage.get(village.id);
      const byCategory = suitability.get(village.id);
      const cells = options.categories.map((category) => {
        const suitable = byCategory?.get(category.code) ?? { serviceIds: [], furthest: 'NO_ACTIVE_SERVICE' as const };
        return cellOf(category.code, suitable, (serviceId) => reaches(reach, village.id, serviceId), servicesById);
      });
      const standing = liaisons.get(village.id) ?? { status: 'NONE' as const, personIds: [] };
      const categoriesReached = SUPPORT_CATEGORIES.filter((code) => cells.some((c) => c.category === code && c.covered));
      const covered = standing.status === 'ESTABLISHED';
      return {
        village,
        township: townshipsById.get(village.townshipId) ?? { id: village.townshipId, name: village.townshipId },
        households: counts?.households ?? 0,
        vulnerable: counts?.vulnerable ?? 0,
        cells,
        liaisons: standing,
        covered,
        categoriesReached,
        fullyCovered: covered && categoriesReached.length === SUPPORT_CATEGORIES.length,
      };
    });
  return { villages, categories: options.categories, coreCategories, maxDistanceKm: options.maxDistanceKm };
}

export function serviceSuitability(snapshot: NetworkSnapshot, options: CoverageOptions): ServiceSuitability {
  assertOptions(options);
  const codes = new Set(options.categories.map((c) => c.code));
  const townshipsById = new Map(snapshot.townships.map((t) => [t.id, t]));
  const active = snapshot.services.filter((s) => s.status === 'ACTIVE');
  const result = new Map<string, Map<string, Suitable>>();
  for (const village of snapshot.villages) {
    const township = townshipsById.get(village.townshipId) ?? { id: village.townshipId, name: village.townshipId };
    const byCategory = new Map<string, { serviceIds: string[]; furthest: Suitable['furthest'] }>();
    for (const service of active) {
      const level = suitabilityOf(service, village, township, options.maxDistanceKm);
      for (const category of service.categories) {
        if (!codes.has(category)) continue;
        let entry = byCategory.get(category);
        if (!entry) byCategory.set(category, (entry = { serviceIds: [], furthest: 'OUTSIDE_SERVICE_AREA' }));
        if (level === 'SUITABLE') entry.serviceIds.push(service.id);
        else if (LEVEL[level] > LEVEL[entry.furthest]) entry.furthest = level;
      }
    }
    for (const entry of byCategory.values()) entry.serviceIds.sort(compareIds);
    result.set(village.id, byCategory);
  }
  return result;
}

// Private:

const LEVEL: Record<NoServiceCause, number> = {
  NO_ACTIVE_SERVICE: 0,
  OUTSIDE_SERVICE_AREA: 1,
  BEYOND_DISTANCE: 2,
  NO_ESTABLISHED_PATH: 3,
};

function suitabilityOf(
  service: Service,
  village: Village,
  township: Pick<Township, 'id' | 'name'>,
  maxDistanceKm: number,
): 'SUITABLE' | 'OUTSIDE_SERVICE_AREA' | 'BEYOND_DISTANCE' {
  if (!servesVillage(service, village, township).serves) return 'OUTSIDE_SERVICE_AREA';
  const residency = service.eligibility.residencyTownshipIds;
  if (residency.length > 0 && !residency.includes(village.townshipId)) return 'OUTSIDE_SERVICE_AREA';
  if (!service.online && service.location !== null && greatCircleKm(service.location, village.location) > maxDistanceKm) {
    return 'BEYOND_DISTANCE';
  }
  return 'SUITABLE';
}

function cellOf(
  category: string,
  suitable: Suitable,
  reachable: (serviceId: string) => boolean,
  servicesById: ReadonlyMap<string, Service>,
): CoverageCell {
  const serviceIds = suitable.serviceIds.filter(reachable);
  if (serviceIds.length === 0) {
    const cause: NoServiceCause = suitable.serviceIds.length > 0 ? 'NO_ESTABLISHED_PATH' : suitable.furthest;
    return { category, covered: false, gap: 'NO_SERVICE', cause, serviceIds: [] };
  }
  const full = serviceIds.every((id) => {
    const service = servicesById.get(id);
    const left = service ? capacityLeft(service) : null;
    return left !== null && left < 1;
  });
  return { category, covered: true, gap: full ? 'AT_CAPACITY' : null, cause: null, serviceIds };
}

function assertOptions(options: CoverageOptions): void {
  if (!(options.maxDistanceKm > 0) || !Number.isFinite(options.maxDistanceKm)) {
    throw new Error(`services/villageCoverage: maxDistanceKm must be a positive number of km, got ${String(options.maxDistanceKm)}`);
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
