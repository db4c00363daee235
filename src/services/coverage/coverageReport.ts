import { SUPPORT_CATEGORIES, type LiaisonStatus, type ReportingPeriod } from '../../domain/coverageDefinitions';
import type { Category } from '../../domain/model';
import { coverageTargets, type CoverageTarget, type MostVulnerableSupport } from './coverageTargets';
import { familyCount, sumGroup, type FamilyFigure } from './FamilyFigure';
import type { ReferralFact } from './referralFacts';
import { referralOutcomes, type ReferralOutcomes } from './referralOutcomes';
import { responseTimes, type ResponseTimes } from './responseTimes';
import type { GapKind, NetworkCoverage, NoServiceCause, VillageCoverage } from './villageCoverage';

/** What a report is restricted to: a township, a category, or neither (the county, all categories). */
export interface CoverageScope {
  townshipId: string | null;
  category: string | null;
  maxDistanceKm: number;
}

export interface CoverageSummary {
  villagesTotal: number;
  /** Covered for the scope's category, or (no category) covered by the network's measure (an ESTABLISHED liaison or volunteer). */
  villagesCovered: number;
  /** Covered, with every support category (MEDICAL, ELDERLY_CARE, EDUCATION) reached. */
  villagesFullyCovered: number;
  householdsTotal: FamilyFigure;
  householdsCovered: FamilyFigure;
}

export interface CategoryCoverage {
  category: string;
  nameZh: string;
  nameEn: string;
  core: boolean;
  villagesTotal: number;
  villagesCovered: number;
  /** Covered, but every covering service is full. */
  villagesAtCapacity: number;
  householdsCovered: FamilyFigure;
}

export interface TownshipCoverage {
  townshipId: string;
  townshipName: string;
  villagesTotal: number;
  villagesCovered: number;
  villagesFullyCovered: number;
  householdsTotal: FamilyFigure;
  householdsCovered: FamilyFigure;
  /** Villages covered per category (same categories as byCategory). */
  categories: Array<{ category: string; villagesCovered: number }>;
}

export interface CoverageGap {
  villageId: string;
  villageName: string;
  townshipId: string;
  townshipName: string;
  category: string;
  kind: GapKind;
  /** For NO_SERVICE: what stopped the best service (see NO_SERVICE_CAUSES). */
  cause: NoServiceCause | null;
  /** For AT_CAPACITY: the full services that cover the village. */
  serviceIds: string[];
  households: FamilyFigure;
  /** Households of the village with vulnerabilityScore > 0: the ranking key. */
  vulnerableHouseholds: FamilyFigure;
}

/** One village as the report shows it: covered or not, its liaison standing, and which support categories it reaches. */
export interface VillageRow {
  villageId: string;
  villageName: string;
  townshipId: string;
  townshipName: string;
  covered: boolean;
  liaisonStatus: LiaisonStatus;
  /** Of MEDICAL, ELDERLY_CARE, EDUCATION: those with a suitable service reachable through ESTABLISHED links. */
  categoriesReached: string[];
  /** The support categories not reached. */
  categoriesMissing: string[];
  households: FamilyFigure;
}

export interface CoverageReport {
  networkVersion: number;
  scope: CoverageScope;
  /** The reporting period of MOST_VULNERABLE_SUPPORTED (ISO dates, [from, to)). */
  period: { from: string; to: string };
  /** The scope's villages, by village id. */
  villages: VillageRow[];
  /** The rules every figure follows, in words. */
  definition: string;
  summary: CoverageSummary;
  /** County-wide and over all categories whatever the scope: they are the network's promises. */
  targets: CoverageTarget[];
  byCategory: CategoryCoverage[];
  byTownship: TownshipCoverage[];
  /** Ranked: most vulnerable households affected first, then most households, village id, category order. */
  gaps: CoverageGap[];
  referralOutcomes: ReferralOutcomes;
  responseTimes: ResponseTimes;
}

export interface CoverageReportInput {
  networkVersion: number;
  coverage: NetworkCoverage;
  scope: CoverageScope;
  period: ReportingPeriod;
  mostVulnerable: MostVulnerableSupport;
  officers: { trained: number; inTraining: number };
  /** Every referral; the report keeps those in scope. */
  referrals: readonly ReferralFact[];
}

export const COVERAGE_DEFINITION =
  '村（社区）有一名关系已建立的联络人或志愿者即为已覆盖；登记在已覆盖村的家庭为已覆盖家庭（定义与口径见各目标的 definition）。 ' +
  'A village or community is covered when it has a liaison or volunteer whose relationship with the network is ESTABLISHED (domain/coverageDefinitions; each target carries its definition), and a family when it is registered in a covered village. ' +
  'Per village and category, a cell is covered when an ACTIVE service offering it serves the village (online, or its county/township/village/radius area, and any residency rule), lies within the distance limit unless online or unlocated, and is reachable from the village through ESTABLISHED links only; a village is fully covered when it is covered and reaches MEDICAL, ELDERLY_CARE and EDUCATION. ' +
  'With a category, villages covered counts the villages whose cell of that category is covered. Gaps are village × category cells with no covering service (NO_SERVICE, with the cause) or whose every covering service is full (AT_CAPACITY; such cells still count as covered). Without a category, gaps are listed for the core categories.';

/** Assembles the coverage report from today's coverage and the referral history (pure). */
export function coverageReport(input: CoverageReportInput): CoverageReport {
  const { coverage, scope } = input;
  const inScope = coverage.villages.filter((v) => scope.townshipId === null || v.village.townshipId === scope.townshipId);
  const categories = scope.category === null ? coverage.categories : coverage.categories.filter((c) => c.code === scope.category);
  const countsAsCovered = (v: VillageCoverage) => (scope.category === null ? v.covered : cellOf(v, scope.category).covered);
  const gapCategories = scope.category === null ? coverage.coreCategories : [scope.category];

  const referrals = input.referrals.filter(
    (r) => (scope.townshipId === null || r.townshipId === scope.townshipId) && (scope.category === null || r.category === scope.category),
  );
  const categoryName = new Map(coverage.categories.map((c) => [c.code, c.nameEn]));
  const townshipName = new Map(coverage.villages.map((v) => [v.township.id, v.township.name]));

  const summary: CoverageSummary = {
    villagesTotal: inScope.length,
    villagesCovered: inScope.filter(countsAsCovered).length,
    villagesFullyCovered: inScope.filter((v) => v.fullyCovered).length,
    householdsTotal: familyCount(sumHouseholds(inScope)),
    householdsCovered: familyCount(sumHouseholds(inScope.filter(countsAsCovered))),
  };
  const byTownship = townshipCoverage(inScope, categories, countsAsCovered);
  // The townships' household figures add up to the summary's: complementary cells (suppressSmallCells).
  sumGroup(summary.householdsTotal, byTownship.map((t) => t.householdsTotal));
  sumGroup(summary.householdsCovered, byTownship.map((t) => t.householdsCovered));

  return {
    networkVersion: input.networkVersion,
    scope,
    period: { from: input.period.from.toISOString().slice(0, 10), to: input.period.to.toISOString().slice(0, 10) },
    villages: inScope.map(villageRow),
    definition: COVERAGE_DEFINITION,
    summary,
    targets: coverageTargets({ villages: coverage.villages, mostVulnerable: input.mostVulnerable, officers: input.officers }),
    byCategory: categories.map((c) => categoryCoverage(c, inScope)),
    byTownship,
    gaps: rankGaps(gapsOf(inScope, gapCategories), coverage.categories),
    referralOutcomes: referralOutcomes(referrals),
    responseTimes: responseTimes(referrals, {
      category: (code) => categoryName.get(code) ?? code,
      township: (id) => townshipName.get(id) ?? id,
    }),
  };
}

/** Every gap cell of these villages in these categories, unranked. */
export function gapsOf(villages: readonly VillageCoverage[], categories: readonly string[]): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const v of villages) {
    for (const code of categories) {
      const cell = cellOf(v, code);
      if (cell.gap === null) continue;
      gaps.push({
        villageId: v.village.id,
        villageName: v.village.displayName,
        townshipId: v.township.id,
        townshipName: v.township.name,
        category: code,
        kind: cell.gap,
        cause: cell.cause,
        serviceIds: cell.gap === 'AT_CAPACITY' ? cell.serviceIds : [],
        households: familyCount(v.households),
        vulnerableHouseholds: familyCount(v.vulnerable),
      });
    }
  }
  return gaps;
}

/** Most vulnerable households affected first, then most households, then village id, then category order. */
export function rankGaps(gaps: CoverageGap[], categories: readonly Pick<Category, 'code'>[]): CoverageGap[] {
  const order = new Map(categories.map((c, i) => [c.code, i]));
  return gaps.sort(
    (a, b) =>
      (b.vulnerableHouseholds.value ?? 0) - (a.vulnerableHouseholds.value ?? 0) ||
      (b.households.value ?? 0) - (a.households.value ?? 0) ||
      (a.villageId < b.villageId ? -1 : a.villageId > b.villageId ? 1 : 0) ||
      (order.get(a.category) ?? Infinity) - (order.get(b.category) ?? Infinity),
  );
}

export function cellOf(v: VillageCoverage, category: string) {
  const cell = v.cells.find((c) => c.category === category);
  if (!cell) {
    throw new Error(`services/coverageReport: category ${category} was not evaluated; include it in the coverage options' categories`);
  }
  return cell;
}

export function sumHouseholds(villages: readonly VillageCoverage[]): number {
  return villages.reduce((sum, v) => sum + v.households, 0);
}

// Private:

function villageRow(v: VillageCoverage): VillageRow {
  return {
    villageId: v.village.id,
    villageName: v.village.displayName,
    townshipId: v.township.id,
    townshipName: v.township.name,
    covered: v.covered,
    liaisonStatus: v.liaisons.status,
    categoriesReached: [...v.categoriesReached],
    categoriesMissing: SUPPORT_CATEGORIES.filter((c) => !v.categoriesReached.includes(c)),
    households: familyCount(v.households),
  };
}

function categoryCoverage(category: Category, villages: readonly VillageCoverage[]): CategoryCoverage {
  const covered = villages.filter((v) => cellOf(v, category.code).covered);
  return {
    category: category.code,
    nameZh: category.nameZh,
    nameEn: category.nameEn,
    core: category.core,
    villagesTotal: villages.length,
    villagesCovered: covered.length,
    villagesAtCapacity: covered.filter((v) => cellOf(v, category.code).gap === 'AT_CAPACITY').length,
    householdsCovered: familyCount(sumHouseholds(covered)),
  };
}

function townshipCoverage(
  villages: readonly VillageCoverage[],
  categories: readonly Category[],
  countsAsCovered: (v: VillageCoverage) => boolean,
): TownshipCoverage[] {
  const byTownship = new Map<string, VillageCoverage[]>();
  for (const v of villages) {
    const list = byTownship.get(v.township.id);
    if (list) list.push(v);
    else byTownship.set(v.township.id, [v]);
  }
  return [...byTownship]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([townshipId, list]) => {
      const covered = list.filter(countsAsCovered);
      return {
        townshipId,
        townshipName: (list[0] as VillageCoverage).township.name,
        villagesTotal: list.length,
        villagesCovered: covered.length,
        villagesFullyCovered: list.filter((v) => v.fullyCovered).length,
        householdsTotal: familyCount(sumHouseholds(list)),
        householdsCovered: familyCount(sumHouseholds(covered)),
        categories: categories.map((c) => ({ category: c.code, villagesCovered: list.filter((v) => cellOf(v, c.code).covered).length })),
      };
    });
}
