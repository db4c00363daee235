import type { PlanRecord } from '../../domain/Plan';
import { HuzhuError, isHuzhuError } from '../../errors/HuzhuError';
import { parseWhatIfChanges } from '../coverage/WhatIfChange';
import { networkView } from '../networkSnapshot';
import type { ServiceContext } from '../ServiceContext';
import { actorDisplayName, requireDraft, type PlanActor } from './PlanActor';
import { planWrites } from './planWrites';
import { requirePlan } from './readPlans';

/**
 * Makes a plan real (issue 12 item 3; an ADMIN's, checked in
 * src/api/auth/operationRules.ts and again here): its changes become
 * organisations, services and relationships (planWrites), written with the
 * plan's APPLIED status in ONE store transaction (GraphStore.applyPlan), so a
 * change that fails part-way writes nothing. Applying an APPLIED plan is a
 * CONFLICT and writes nothing (the ids are derived from the plan, so even a
 * retry after a lost answer cannot create a record twice).
 */
export async function applyPlan(ctx: ServiceContext, actor: PlanActor, rawId: unknown): Promise<PlanRecord> {
  if (actor.role !== 'ADMIN') throw new HuzhuError('FORBIDDEN', 'applyPlan: only an ADMIN applies a plan (只有管理员可以实施规划); ask an administrator', { path: ['id'] });
  const plan = await requirePlan(ctx, rawId, ['id']);
  requireDraft(plan, 'applyPlan', ['id']);
  const changes = parseWhatIfChanges(plan.changes, ['changes']);
  const [view, categories] = await Promise.all([networkView(ctx.store), ctx.store.listCategories()]);
  const now = ctx.now().toISOString();
  const writes = planWrites(view.snapshot, plan, changes, categories, now);
  try {
    return await ctx.store.applyPlan({
      planId: plan.id,
      expectedVersion: plan.version,
      appliedAt: now,
      appliedById: actor.actorId,
      appliedByName: await actorDisplayName(ctx, actor.actorId),
      writes,
    });
  } catch (error) {
    throw explainWriteFailure(error, plan);
  }
}

// Private:

/** A failing write (path ['writes', i, …]) is reported with the plan's id and the record it was writing. */
function explainWriteFailure(error: unknown, plan: PlanRecord): unknown {
  if (!isHuzhuError(error) || error.path[0] !== 'writes') return error;
  return new HuzhuError(error.code, `applyPlan: plan ${plan.id} was not applied, nothing was written (规划未实施，未写入任何记录): ${error.message}`, {
    path: ['id'],
    details: { ...error.details, writePath: error.path },
    cause: error,
  });
}
