import {
  COVERAGE_DEFINITIONS,
  SUPPORT_GAP_TEXT,
  type CoverageDefinition,
  type CoverageTargetKey,
  type LiaisonStatus,
  type SupportGap,
} from '../../domain/coverageDefinitions';
import { FamilyFigure, familyCount } from './FamilyFigure';
import type { VillageCoverage } from './villageCoverage';

export type { CoverageTargetKey } from '../../domain/coverageDefinitions';
export { MOST_VULNERABLE_COUNT, SUPPORT_CATEGORIES, SUPPORTING_REFERRAL_STATUSES } from '../../domain/coverageDefinitions';

/** A village that one liaison would make covered: it has a liaison or volunteer whose ties are BUILDING or PROSPECTIVE. */
export interface VillageOneLiaisonAway {
  villageId: string;
  villageName: string;
  townshipId: string;
  townshipName: string;
  liaisonStatus: Exclude<LiaisonStatus, 'ESTABLISHED' | 'NONE'>;
  personIds: string[];
  households: FamilyFigure;
}

/** A top-ranked family that does not count as supported, and why. Household-level: the resolver shows it only to viewers who may see the household. */
export interface UnsupportedFamily {
  householdId: string;
  villageId: string;
  townshipId: string | null;
  /** 1 = the most vulnerable. */
  rank: number;
  gap: SupportGap;
  reason: string;
  /** The family's urgent MEDICAL/ELDERLY_CARE/EDUCATION needs (empty for NO_URGENT_NEED). */
  needIds: string[];
}

export interface TargetMissing {
  /** target − current (never below 0); suppressed with current when current rests on few families. */
  shortBy: number | FamilyFigure;
  /** What stands between the figure and the target, in words (no family counts). */
  summary: string;
  /** VILLAGES_COVERED / FAMILIES_COVERED: villages one liaison away, most households first. */
  villages: VillageOneLiaisonAway[];
  /** FAMILIES_COVERED: the households those villages would add. */
  familiesOneLiaisonAway: FamilyFigure | null;
  /** MOST_VULNERABLE_SUPPORTED: the top-ranked families without support, by rank. */
  families: UnsupportedFamily[];
}

/** One of the network's own promises (DOMAIN.md "Stated targets"), how it is counted, where it stands, and what is missing. */
export interface CoverageTarget {
  key: CoverageTargetKey;
  label: string;
  target: number;
  /** A FamilyFigure where the value counts families (suppressed as a small cell like any other). */
  current: number | FamilyFigure;
  met: boolean;
  /** Exactly what is counted (the definition's English text). */
  counts: string;
  definition: Pick<CoverageDefinition, 'key' | 'version' | 'zh' | 'en' | 'labelZh' | 'labelEn'>;
  missing: TargetMissing;
}

export interface MostVulnerableSupport {
  ranked: number;
  supported: number;
  unsupported: UnsupportedFamily[];
}

/** The facts the targets are measured on, county-wide. */
export interface TargetFacts {
  /** Every village's coverage (villageCoverage). */
  villages: readonly VillageCoverage[];
  mostVulnerable: MostVulnerableSupport;
  officers: { trained: number; inTraining: number };
}

/**
 * The four stated targets, in DOMAIN.md order, each computed by its
 * definition in domain/coverageDefinitions and returned with it. (The fifth
 * promise — respond in time — has no number attached; response and
 * resolution times are reported beside the targets.)
 */
export function coverageTargets(facts: TargetFacts): CoverageTarget[] {
  const covered = facts.villages.filter((v) => v.covered);
  const away = oneLiaisonAway(facts.villages);
  const householdsCovered = covered.reduce((sum, v) => sum + v.households, 0);
  const householdsAway = away.reduce((sum, v) => sum + (v.households.value ?? 0), 0);
  const names = (list: readonly VillageOneLiaisonAway[]) => list.slice(0, 5).map((v) => v.villageName).join('、');
  const { mostVulnerable: mv, officers } = facts;
  return [
    target('VILLAGES_COVERED', covered.length, {
      summary:
        away.length === 0
          ? '没有差一名联络人即可覆盖的村 / no village is one liaison away'
          : `${away.length}个村（社区）差一名已建立关系的联络人即可覆盖（${names(away)}…）/ ${away.length} villages are one liaison away`,
      villages: away,
      familiesOneLiaisonAway: null,
      families: [],
    }),
    target('FAMILIES_COVERED', familyCount(householdsCovered), {
      summary: `已覆盖村之外的家庭不计；差一名联络人的${away.length}个村可增加的家庭见 familiesOneLiaisonAway / families outside covered villages do not count; the ${away.length} villages one liaison away would add familiesOneLiaisonAway`,
      villages: away,
      familiesOneLiaisonAway: familyCount(householdsAway),
      families: [],
    }),
    target('MOST_VULNERABLE_SUPPORTED', familyCount(mv.supported), {
      summary: `排名前${mv.ranked}户中未获帮扶的家庭及原因见 families（仅对可查看家庭信息者显示）/ the top-ranked families without support and why are listed in families (to viewers who may see households)`,
      villages: [],
      familiesOneLiaisonAway: null,
      families: mv.unsupported,
    }),
    target('OFFICERS_TRAINED', officers.trained, {
      summary: `${officers.inTraining}名社区发展专员仍在培训中 / ${officers.inTraining} community development officers are still in training`,
      villages: [],
      familiesOneLiaisonAway: null,
      families: [],
    }),
  ];
}

/** Villages with a liaison or volunteer whose standing is BUILDING or PROSPECTIVE, BUILDING first, then most households, then id. */
export function oneLiaisonAway(villages: readonly VillageCoverage[]): VillageOneLiaisonAway[] {
  return villages
    .filter((v): v is VillageCoverage & { liaisons: { status: 'BUILDING' | 'PROSPECTIVE' } } => v.liaisons.status === 'BUILDING' || v.liaisons.status === 'PROSPECTIVE')
    .sort(
      (a, b) =>
        (a.liaisons.status === b.liaisons.status ? 0 : a.liaisons.status === 'BUILDING' ? -1 : 1) ||
        b.households - a.households ||
        (a.village.id < b.village.id ? -1 : a.village.id > b.village.id ? 1 : 0),
    )
    .map((v) => ({
      villageId: v.village.id,
      villageName: v.village.displayName,
      townshipId: v.township.id,
      townshipName: v.township.name,
      liaisonStatus: v.liaisons.status,
      personIds: [...v.liaisons.personIds],
      households: familyCount(v.households),
    }));
}

/** The reason text of a support gap (Chinese first). */
export function supportGapText(gap: SupportGap): string {
  return SUPPORT_GAP_TEXT[gap];
}

// Private:

function target(key: CoverageTargetKey, current: number | FamilyFigure, missing: Omit<TargetMissing, 'shortBy'>): CoverageTarget {
  const definition = COVERAGE_DEFINITIONS[key];
  const value = current instanceof FamilyFigure ? (current.value ?? 0) : current;
  const short = Math.max(0, definition.target - value);
  // A shortfall tells as much as the figure itself: it rests on the same families.
  const shortBy = current instanceof FamilyFigure ? new FamilyFigure(short, current.basis) : short;
  return {
    key,
    label: `${definition.labelZh} / ${definition.labelEn}`,
    target: definition.target,
    current,
    met: value >= definition.target,
    counts: definition.en,
    definition: { key, version: definition.version, zh: definition.zh, en: definition.en, labelZh: definition.labelZh, labelEn: definition.labelEn },
    missing: { shortBy, ...missing },
  };
}
