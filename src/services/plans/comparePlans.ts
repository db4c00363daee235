import { parseInput } from '../../errors/fromZodError';
import type { VillageRef } from '../coverage/stakeholderRef';
import type { ServiceContext } from '../ServiceContext';
import { evaluatePlanOn, readEvaluationBasis, type PlanEvaluation } from './evaluatePlan';
import { ComparePlansArgs } from './planArgs';
import { requirePlan } from './readPlans';

export interface PlanCategoryComparison {
  category: string;
  newlyCoveredA: number;
  newlyCoveredB: number;
  /** Newly covered by A and not by B, by B and not by A, by both (village refs with household FamilyFigures). */
  onlyA: VillageRef[];
  onlyB: VillageRef[];
  both: VillageRef[];
}

export interface PlanComparison {
  asOf: string;
  a: PlanEvaluation;
  b: PlanEvaluation;
  /** Categories either plan changes, in the categories' order. */
  byCategory: PlanCategoryComparison[];
}

/**
 * Plan A against plan B on the same date (issue 12 item 3): each evaluated
 * as evaluatePlan does, over one read of the network, and per category the
 * villages each newly covers (and which only one of them does); each
 * evaluation lists the single points of failure it removes. Writes nothing.
 * Holds FamilyFigures: present with suppressSmallCells.
 */
export async function comparePlans(ctx: ServiceContext, rawArgs: unknown): Promise<PlanComparison> {
  const args = parseInput(ComparePlansArgs, rawArgs ?? {}, []);
  const [planA, planB] = await Promise.all([requirePlan(ctx, args.a, ['a']), requirePlan(ctx, args.b, ['b'])]);
  const basis = await readEvaluationBasis(ctx, args.asOf, args.maxDistanceKm);
  const a = evaluatePlanOn(basis, planA);
  const b = evaluatePlanOn(basis, planB);
  const byCategory = basis.categories.flatMap((category): PlanCategoryComparison[] => {
    const newlyA = a.result.byCategory.find((c) => c.category === category.code)?.newlyCovered ?? [];
    const newlyB = b.result.byCategory.find((c) => c.category === category.code)?.newlyCovered ?? [];
    if (newlyA.length === 0 && newlyB.length === 0) return [];
    const idsA = new Set(newlyA.map((v) => v.villageId));
    const idsB = new Set(newlyB.map((v) => v.villageId));
    return [
      {
        category: category.code,
        newlyCoveredA: newlyA.length,
        newlyCoveredB: newlyB.length,
        onlyA: newlyA.filter((v) => !idsB.has(v.villageId)),
        onlyB: newlyB.filter((v) => !idsA.has(v.villageId)),
        both: newlyA.filter((v) => idsB.has(v.villageId)),
      },
    ];
  });
  return { asOf: basis.asOf, a, b, byCategory };
}
