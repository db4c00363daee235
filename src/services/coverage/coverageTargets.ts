import { FamilyFigure, familyCount } from './FamilyFigure';

export type CoverageTargetKey = 'VILLAGES_COVERED' | 'FAMILIES_COVERED' | 'MOST_VULNERABLE_SUPPORTED' | 'OFFICERS_TRAINED';

/** One of the network's own promises (DOMAIN.md "Stated targets") and where it stands. */
export interface CoverageTarget {
  key: CoverageTargetKey;
  label: string;
  target: number;
  /** A FamilyFigure where the value counts families (suppressed as a small cell like any other). */
  current: number | FamilyFigure;
  met: boolean;
  /** Exactly what is counted. */
  counts: string;
}

/** The facts the targets are measured on, county-wide. */
export interface TargetFacts {
  /** Villages/communities with at least one core category covered (villageCoverage). */
  villagesCovered: number;
  /** Households living in those villages. */
  householdsCovered: number;
  /** The most vulnerable families ranked (normally 20) and how many of them got support. */
  mostVulnerable: { ranked: number; supported: number };
  /** Community development officers with a training date. */
  officersTrained: number;
}

export const MOST_VULNERABLE_COUNT = 20;
/** The needs the most-vulnerable target is about: urgent medical, elderly-care and education needs. */
export const SUPPORT_CATEGORIES: readonly string[] = ['MEDICAL', 'ELDERLY_CARE', 'EDUCATION'];
/** Referral statuses that mean an organisation took the family's need on. */
export const SUPPORTING_REFERRAL_STATUSES = ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED'] as const;

/**
 * The four stated targets, in DOMAIN.md order. (The fifth promise — respond
 * in time — has no number attached; response and resolution times are
 * reported beside the targets.)
 */
export function coverageTargets(facts: TargetFacts): CoverageTarget[] {
  return [
    target(
      'VILLAGES_COVERED',
      'Villages/communities covered',
      20,
      facts.villagesCovered,
      'villages and communities where at least one core category (medical, elderly care, education, disability, employment) is covered: an ACTIVE service serving the village, within the distance limit unless online, reachable through ESTABLISHED links',
    ),
    target(
      'FAMILIES_COVERED',
      'Families covered',
      10_000,
      familyCount(facts.householdsCovered),
      'households registered in the covered villages (as in VILLAGES_COVERED)',
    ),
    target(
      'MOST_VULNERABLE_SUPPORTED',
      `The ${MOST_VULNERABLE_COUNT} most vulnerable families supported`,
      MOST_VULNERABLE_COUNT,
      familyCount(facts.mostVulnerable.supported),
      `of the ${MOST_VULNERABLE_COUNT} households with the highest vulnerability score (${facts.mostVulnerable.ranked} ranked), those with a ${SUPPORT_CATEGORIES.join(', ')} need that has a referral ${SUPPORTING_REFERRAL_STATUSES.join('/')} or a recorded assistance`,
    ),
    target(
      'OFFICERS_TRAINED',
      'Community development officers trained',
      20,
      facts.officersTrained,
      'people with the COMMUNITY_DEVELOPMENT_OFFICER role and a training date (trainedAt)',
    ),
  ];
}

// Private:

function target(key: CoverageTargetKey, label: string, goal: number, current: number | FamilyFigure, counts: string): CoverageTarget {
  const value = current instanceof FamilyFigure ? (current.value ?? 0) : current;
  return { key, label, target: goal, current, met: value >= goal, counts };
}
