import type { PlanRecord } from '../../domain/Plan';
import { notFound } from '../../errors/HuzhuError';
import { parseInput } from '../../errors/fromZodError';
import type { Page, PageRequest } from '../../store/GraphStore';
import type { ServiceContext } from '../ServiceContext';
import { requireAuthorOrAdmin, requireDraft, type PlanActor } from './PlanActor';
import { PlanIdArgs } from './planArgs';

/** Saved plans, newest first (the store pages them by id descending; ids are time-ordered). */
export function listPlans(ctx: ServiceContext, page: PageRequest): Promise<Page<PlanRecord>> {
  return ctx.store.listPlans(page);
}

/** One plan, or null (BAD_USER_INPUT at ['id'] for a malformed id). */
export async function getPlan(ctx: ServiceContext, rawId: unknown): Promise<PlanRecord | null> {
  const { id } = parseInput(PlanIdArgs, { id: rawId }, []);
  return ctx.store.getPlan(id);
}

/** One plan, NOT_FOUND at `path` when there is none. */
export async function requirePlan(ctx: ServiceContext, rawId: unknown, path: ReadonlyArray<string | number>): Promise<PlanRecord> {
  const { id } = parseInput(PlanIdArgs, { id: rawId }, []);
  const plan = await ctx.store.getPlan(id);
  if (!plan) throw notFound('Plan', id, path);
  return plan;
}

/** Deletes a DRAFT plan (its author or an ADMIN); returns its id. */
export async function deletePlan(ctx: ServiceContext, actor: PlanActor, rawId: unknown): Promise<string> {
  const plan = await requirePlan(ctx, rawId, ['id']);
  requireAuthorOrAdmin(plan, actor, 'deletePlan', ['id']);
  requireDraft(plan, 'deletePlan', ['id']);
  await ctx.store.deletePlan(plan.id, { expectedVersion: plan.version });
  return plan.id;
}
