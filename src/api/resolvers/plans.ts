import type { GraphQLResolveInfo } from 'graphql';
import type { PlanRecord } from '../../domain/Plan';
import { suppressSmallCells } from '../../services/coverage';
import { applyPlan, comparePlans, deletePlan, evaluatePlan, getPlan, listPlans, savePlan, type PlanActor } from '../../services/plans';
import { toConnection, toPageRequest, type ConnectionArgs } from '../connection';
import type { RequestContext } from '../context';
import { smallCellPolicyOf } from './coverage';

/**
 * Saved plans (schema/plans.graphql, issue 12 item 3). Who may call each is
 * decided in src/api/auth/operationRules.ts (applyPlan: ADMIN only); the
 * author rule (its author or an ADMIN changes or deletes a plan) is the
 * service's. Evaluations go through the same small-cell suppression as whatIf.
 */
export const plansResolvers = {
  Query: {
    plans: async (_: unknown, args: ConnectionArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await listPlans(ctx, toPageRequest(args, undefined, info))),
    plan: (_: unknown, args: { id: unknown }, ctx: RequestContext) => getPlan(ctx, args.id),
    evaluatePlan: async (_: unknown, args: Record<string, unknown>, ctx: RequestContext) => suppressSmallCells(await evaluatePlan(ctx, args), smallCellPolicyOf(ctx)),
    comparePlans: async (_: unknown, args: Record<string, unknown>, ctx: RequestContext) => suppressSmallCells(await comparePlans(ctx, args), smallCellPolicyOf(ctx)),
  },
  Mutation: {
    savePlan: (_: unknown, args: { input: unknown }, ctx: RequestContext) => savePlan(ctx, actorOf(ctx), args.input),
    deletePlan: (_: unknown, args: { id: unknown }, ctx: RequestContext) => deletePlan(ctx, actorOf(ctx), args.id),
    applyPlan: (_: unknown, args: { id: unknown }, ctx: RequestContext) => applyPlan(ctx, actorOf(ctx), args.id),
  },
  Plan: {
    author: (p: PlanRecord) => ({ id: p.authorId, displayName: p.authorName }),
    appliedBy: (p: PlanRecord) => (p.appliedById === null ? null : { id: p.appliedById, displayName: p.appliedByName }),
  },
  PlanChange: {
    eligibility: (c: { eligibility?: unknown }) => c.eligibility ?? null,
  },
};

function actorOf(ctx: RequestContext): PlanActor {
  return { actorId: ctx.viewer.subject, role: ctx.viewer.role };
}
