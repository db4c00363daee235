import { isDevelopmentOfficer, isTrainedOfficer } from '../../domain/developmentOfficers';
import type { Person } from '../../domain/model';
import { gapsOf, rankGaps, sumHouseholds, type CoverageGap } from './coverageReport';
import { coverageTargets, type CoverageTarget, type MostVulnerableSupport } from './coverageTargets';
import { familyCount, type FamilyFigure } from './FamilyFigure';
import { networkSummary, type NetworkSummary } from './networkSummary';
import { villageRef, type VillageRef } from './stakeholderRef';
import { villageCoverage, type CoverageNetwork, type CoverageOptions, type NetworkCoverage } from './villageCoverage';

export interface ScenarioFigures {
  villagesCovered: number;
  villagesFullyCovered: number;
  householdsCovered: FamilyFigure;
  targets: CoverageTarget[];
  network: NetworkSummary;
}

export interface CategoryDelta {
  category: string;
  villagesBefore: number;
  villagesAfter: number;
  householdsBefore: FamilyFigure;
  householdsAfter: FamilyFigure;
  /** Households of the newly covered villages. */
  householdsNewlyCovered: FamilyFigure;
  newlyCovered: VillageRef[];
  noLongerCovered: VillageRef[];
}

export interface WhatIfResult {
  networkVersion: number;
  /** What each change did, in order. */
  changes: string[];
  before: ScenarioFigures;
  after: ScenarioFigures;
  /** Villages covered (≥ 1 core category) after but not before, and the reverse. */
  newlyCoveredVillages: VillageRef[];
  noLongerCoveredVillages: VillageRef[];
  /** Categories whose covered villages changed. */
  byCategory: CategoryDelta[];
  /** Gap cells (core categories) of today that the scenario closes, and new ones it opens; ranked like coverage gaps. */
  gapsClosed: CoverageGap[];
  gapsOpened: CoverageGap[];
}

export interface CompareScenariosInput extends CoverageOptions {
  networkVersion: number;
  today: CoverageNetwork;
  scenario: CoverageNetwork;
  changes: string[];
  /** The most-vulnerable target: the scenario changes the network, not who was helped. */
  mostVulnerable: MostVulnerableSupport;
}

/** Coverage, gaps, targets and headline metrics of a scenario against today (pure). */
export function compareScenarios(input: CompareScenariosInput): WhatIfResult {
  const options: CoverageOptions = { categories: input.categories, maxDistanceKm: input.maxDistanceKm };
  const before = villageCoverage(input.today, options);
  const after = villageCoverage(input.scenario, options);
  const afterById = new Map(after.villages.map((v) => [v.village.id, v]));
  const beforeById = new Map(before.villages.map((v) => [v.village.id, v]));

  const byCategory = input.categories.flatMap((category, index): CategoryDelta[] => {
    const coveredIn = (c: NetworkCoverage) => c.villages.filter((v) => v.cells[index]?.covered === true);
    const was = coveredIn(before);
    const is = coveredIn(after);
    const wasIds = new Set(was.map((v) => v.village.id));
    const isIds = new Set(is.map((v) => v.village.id));
    const newly = is.filter((v) => !wasIds.has(v.village.id));
    const lost = was.filter((v) => !isIds.has(v.village.id));
    if (newly.length === 0 && lost.length === 0) return [];
    return [
      {
        category: category.code,
        villagesBefore: was.length,
        villagesAfter: is.length,
        householdsBefore: familyCount(sumHouseholds(was)),
        householdsAfter: familyCount(sumHouseholds(is)),
        householdsNewlyCovered: familyCount(sumHouseholds(newly)),
        newlyCovered: newly.map(villageRef),
        noLongerCovered: lost.map(villageRef),
      },
    ];
  });

  const gapKey = (g: CoverageGap) => `${g.villageId}|${g.category}|${g.kind}`;
  const gapsBefore = gapsOf(before.villages, before.coreCategories);
  const gapsAfter = gapsOf(after.villages, after.coreCategories);
  const beforeKeys = new Set(gapsBefore.map(gapKey));
  const afterKeys = new Set(gapsAfter.map(gapKey));

  return {
    networkVersion: input.networkVersion,
    changes: input.changes,
    before: figures(before, input.today, input.mostVulnerable),
    after: figures(after, input.scenario, input.mostVulnerable),
    newlyCoveredVillages: after.villages.filter((v) => v.covered && beforeById.get(v.village.id)?.covered !== true).map(villageRef),
    noLongerCoveredVillages: before.villages.filter((v) => v.covered && afterById.get(v.village.id)?.covered !== true).map(villageRef),
    byCategory,
    gapsClosed: rankGaps(gapsBefore.filter((g) => !afterKeys.has(gapKey(g))), input.categories),
    gapsOpened: rankGaps(gapsAfter.filter((g) => !beforeKeys.has(gapKey(g))), input.categories),
  };
}

/** Community development officers with a completed course (domain/developmentOfficers), and those still in training. */
export function countOfficers(people: readonly Person[]): { trained: number; inTraining: number } {
  const officers = people.filter(isDevelopmentOfficer);
  const trained = officers.filter(isTrainedOfficer).length;
  return { trained, inTraining: officers.length - trained };
}

// Private:

function figures(coverage: NetworkCoverage, network: CoverageNetwork, mostVulnerable: MostVulnerableSupport): ScenarioFigures {
  const covered = coverage.villages.filter((v) => v.covered);
  return {
    villagesCovered: covered.length,
    villagesFullyCovered: coverage.villages.filter((v) => v.fullyCovered).length,
    householdsCovered: familyCount(sumHouseholds(covered)),
    targets: coverageTargets({ villages: coverage.villages, mostVulnerable, officers: countOfficers(network.snapshot.people) }),
    network: networkSummary(network.graph),
  };
}
