import type { Category } from '../../domain/model';
import type { PlanRecord } from '../../domain/Plan';
import { articulationPoints, buildStakeholderGraph, snapshotAsOf, type NetworkSnapshot } from '../../graph';
import { parseInput } from '../../errors/fromZodError';
import { applyWhatIf } from '../coverage/applyWhatIf';
import { compareScenarios, type WhatIfResult } from '../coverage/compareScenarios';
import type { MostVulnerableSupport } from '../coverage/coverageTargets';
import { defaultReportingPeriod, readMostVulnerableSupport } from '../coverage/readCoverageFacts';
import { stakeholderRef, type StakeholderRef } from '../coverage/stakeholderRef';
import type { CoverageNetwork } from '../coverage/villageCoverage';
import { parseWhatIfChanges } from '../coverage/WhatIfChange';
import { networkView, type NetworkView } from '../networkSnapshot';
import type { ServiceContext } from '../ServiceContext';
import { EvaluatePlanArgs } from './planArgs';
import { requirePlan } from './readPlans';

export interface PlanEvaluation {
  plan: PlanRecord;
  /** YYYY-MM-DD the network was taken as of. */
  asOf: string;
  /** The network on asOf with the plan, against the network on asOf without it (whatIf's comparison). Holds FamilyFigures. */
  result: WhatIfResult;
  /** Articulation points of the ESTABLISHED links on asOf that the plan removes, and those it adds. */
  spofsRemoved: StakeholderRef[];
  spofsAdded: StakeholderRef[];
}

/** What every evaluation of one request reads once: the network view, the categories, the most-vulnerable facts. */
export interface EvaluationBasis {
  view: NetworkView;
  categories: readonly Category[];
  mostVulnerable: MostVulnerableSupport;
  asOf: string;
  maxDistanceKm: number;
}

/**
 * A saved plan on the network as it stands on a date (issue 12 item 3):
 * "coverage on 2027-06-30 under plan A" in one query. The plan's changes are
 * applied to today's records by whatIf's machinery (applyWhatIf: checked
 * against the network now, NOT_FOUND / BAD_USER_INPUT at changes.<i>.<field>),
 * then both the network without the plan and with it are taken as of the date
 * (graph/snapshotAsOf: relationships count where since ≤ asOf ≤ until, the
 * plan's own links included), and compared by compareScenarios. Writes
 * nothing. Holds FamilyFigures: present with suppressSmallCells.
 */
export async function evaluatePlan(ctx: ServiceContext, rawArgs: unknown): Promise<PlanEvaluation> {
  const args = parseInput(EvaluatePlanArgs, rawArgs ?? {}, []);
  const plan = await requirePlan(ctx, args.id, ['id']);
  const basis = await readEvaluationBasis(ctx, args.asOf, args.maxDistanceKm);
  return evaluatePlanOn(basis, plan);
}

export async function readEvaluationBasis(ctx: ServiceContext, asOf: string | null, maxDistanceKm: number): Promise<EvaluationBasis> {
  const [view, categories] = await Promise.all([networkView(ctx.store), ctx.store.listCategories()]);
  const mostVulnerable = await readMostVulnerableSupport(ctx.store, defaultReportingPeriod(ctx.now()), view.snapshot);
  return { view, categories, mostVulnerable, asOf: asOf ?? ctx.now().toISOString().slice(0, 10), maxDistanceKm };
}

/** Pure over the basis: the plan's evaluation (see evaluatePlan). */
export function evaluatePlanOn(basis: EvaluationBasis, plan: PlanRecord): PlanEvaluation {
  const changes = parseWhatIfChanges(plan.changes, ['changes']);
  const scenario = applyWhatIf(basis.view.snapshot, changes, basis.categories);
  const before = networkOn(basis.view.snapshot, basis.asOf);
  const after = networkOn(scenario.snapshot, basis.asOf);
  const result = compareScenarios({
    networkVersion: basis.view.version,
    today: before,
    scenario: after,
    changes: scenario.applied,
    categories: basis.categories,
    maxDistanceKm: basis.maxDistanceKm,
    mostVulnerable: basis.mostVulnerable,
  });
  const spofsBefore = new Set(articulationPoints(before.graph).map((p) => p.nodeId));
  const spofsAfter = new Set(articulationPoints(after.graph).map((p) => p.nodeId));
  return {
    plan,
    asOf: basis.asOf,
    result,
    spofsRemoved: [...spofsBefore].filter((id) => !spofsAfter.has(id)).sort().map((id) => stakeholderRef(before.graph, before.snapshot, id)),
    spofsAdded: [...spofsAfter].filter((id) => !spofsBefore.has(id)).sort().map((id) => stakeholderRef(after.graph, after.snapshot, id)),
  };
}

// Private:

function networkOn(snapshot: NetworkSnapshot, asOf: string): CoverageNetwork {
  const dated = snapshotAsOf(snapshot, asOf);
  return { snapshot: dated, graph: buildStakeholderGraph(dated) };
}
