import type { Household, Service, Village } from '../model';
import { AGE_BAND_LABELS, MARKER_LABELS, joinWords } from './matchingLabels';

export type EligibilityRule = 'AGE_BAND' | 'REQUIRED_MARKER' | 'ANY_OF_MARKERS' | 'RESIDENCY';

export interface EligibilityCheck {
  rule: EligibilityRule;
  passed: boolean;
  /** What the rule asks and what the household has, e.g. "requires DISABILITY_CERTIFICATE: household has no DISABILITY_CERTIFICATE". */
  detail: string;
  /** On a failed check that a change in the household's record could fix: what would make it pass. */
  unlock?: string;
}

export interface EligibilityResult {
  eligible: boolean;
  /** One check per rule the service states, in the order AGE_BAND, REQUIRED_MARKER, ANY_OF_MARKERS, RESIDENCY. */
  checks: EligibilityCheck[];
  /**
   * When not eligible and every failed rule can be unlocked: all conditions at
   * once ("eligible with a disability certificate (残疾证) and …"); else null.
   * Residency and fully recorded ages cannot be unlocked by a record change.
   */
  unlock: string | null;
}

export interface EvaluateEligibilityOptions {
  /** Display name of a township id, for the RESIDENCY detail; defaults to the id. */
  townshipName?: (townshipId: string) => string | undefined;
}

/**
 * Whether a household meets a service's eligibility rules (model.ts
 * `Eligibility`): ageBands — some listed member in one of the bands;
 * requiredMarkers — all of them; anyOfMarkers — at least one;
 * residencyTownshipIds — the household's village lies in one of the
 * townships. An empty list states no rule, so it yields no check.
 */
export function evaluateEligibility(
  service: Pick<Service, 'id' | 'eligibility'>,
  household: Pick<Household, 'id' | 'villageId' | 'size' | 'memberAgeBands' | 'markers'>,
  village: Pick<Village, 'id' | 'townshipId'>,
  options: EvaluateEligibilityOptions = {},
): EligibilityResult {
  if (household.villageId !== village.id) {
    throw new Error(
      `domain/evaluateEligibility: household ${household.id} lives in ${household.villageId} but village ${village.id} was given; pass the household's own village`,
    );
  }
  const rules = service.eligibility;
  const evaluated: Evaluated[] = [];
  if (rules.ageBands.length > 0) evaluated.push(checkAgeBands(rules.ageBands, household));
  if (rules.requiredMarkers.length > 0) evaluated.push(checkRequiredMarkers(rules.requiredMarkers, household));
  if (rules.anyOfMarkers.length > 0) evaluated.push(checkAnyOfMarkers(rules.anyOfMarkers, household));
  if (rules.residencyTownshipIds.length > 0) {
    const name = (id: string) => options.townshipName?.(id) ?? id;
    evaluated.push(checkResidency(rules.residencyTownshipIds, village.townshipId, name));
  }

  const failed = evaluated.filter((e) => !e.passed);
  const conditions = failed.map((e) => e.condition);
  const unlock =
    failed.length > 0 && conditions.every((c): c is string => c !== undefined)
      ? `eligible ${conditions.join(' and ')}`
      : null;
  return {
    eligible: failed.length === 0,
    checks: evaluated.map(toCheck),
    unlock,
  };
}

// Private: one evaluator per rule. `condition` is the unlock without the
// leading "eligible", so several can be joined into one sentence.

interface Evaluated {
  rule: EligibilityRule;
  passed: boolean;
  detail: string;
  condition?: string;
}

function toCheck({ rule, passed, detail, condition }: Evaluated): EligibilityCheck {
  return condition === undefined ? { rule, passed, detail } : { rule, passed, detail, unlock: `eligible ${condition}` };
}

function checkAgeBands(
  bands: Service['eligibility']['ageBands'],
  household: Pick<Household, 'size' | 'memberAgeBands'>,
): Evaluated {
  const wanted = joinWords(unique(bands).map((b) => AGE_BAND_LABELS[b]), 'or');
  const asks = `requires a member aged ${wanted}`;
  const match = household.memberAgeBands.find((b) => bands.includes(b));
  if (match !== undefined) {
    return { rule: 'AGE_BAND', passed: true, detail: `${asks}: household has a member aged ${AGE_BAND_LABELS[match]}` };
  }
  const listed = household.memberAgeBands;
  const has =
    listed.length === 0
      ? 'household lists no member ages'
      : `household lists members aged ${unique(listed).map((b) => AGE_BAND_LABELS[b]).join(', ')}`;
  // Ages are facts, not something to acquire; the only honest unlock is a
  // record that is incomplete (fewer ages listed than members).
  const condition =
    listed.length < household.size
      ? `if a member aged ${wanted} is recorded (ages recorded for ${listed.length} of ${household.size} members)`
      : undefined;
  return withCondition({ rule: 'AGE_BAND', passed: false, detail: `${asks}: ${has}` }, condition);
}

function checkRequiredMarkers(
  required: Service['eligibility']['requiredMarkers'],
  household: Pick<Household, 'markers'>,
): Evaluated {
  const wanted = unique(required);
  const asks = `requires ${joinWords(wanted, 'and')}`;
  const missing = wanted.filter((m) => !household.markers.includes(m));
  if (missing.length === 0) {
    return { rule: 'REQUIRED_MARKER', passed: true, detail: `${asks}: household has ${wanted.length === 1 ? 'it' : 'all'}` };
  }
  return {
    rule: 'REQUIRED_MARKER',
    passed: false,
    detail: `${asks}: ${missing.length === 1 ? `household has no ${missing[0] as string}` : `household lacks ${joinWords(missing, 'and')}`}`,
    condition: `with ${joinWords(missing.map((m) => MARKER_LABELS[m]), 'and')}`,
  };
}

function checkAnyOfMarkers(
  anyOf: Service['eligibility']['anyOfMarkers'],
  household: Pick<Household, 'markers'>,
): Evaluated {
  const wanted = unique(anyOf);
  const asks = `requires one of ${joinWords(wanted, 'or')}`;
  const present = wanted.filter((m) => household.markers.includes(m));
  if (present.length > 0) {
    return { rule: 'ANY_OF_MARKERS', passed: true, detail: `${asks}: household has ${present.join(', ')}` };
  }
  return {
    rule: 'ANY_OF_MARKERS',
    passed: false,
    detail: `${asks}: household has none of them`,
    condition: `with ${joinWords(wanted.map((m) => MARKER_LABELS[m]), 'or')}`,
  };
}

function checkResidency(
  townshipIds: readonly string[],
  householdTownshipId: string,
  name: (id: string) => string,
): Evaluated {
  const asks = `requires residency in ${joinWords(unique(townshipIds).map(name), 'or')}`;
  const passed = townshipIds.includes(householdTownshipId);
  return { rule: 'RESIDENCY', passed, detail: `${asks}: household lives in ${name(householdTownshipId)}` };
}

function withCondition(e: Evaluated, condition: string | undefined): Evaluated {
  return condition === undefined ? e : { ...e, condition };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
