import type DataLoader from 'dataloader';
import { kindOfId } from '../../domain/ids';
import { EXCLUSION_REASONS, type Match, type MatchResult, type NoMatchReason } from '../../domain/matching';
import type { TrustStep } from '../../graph';
import { matchNeed, referralPath } from '../../services/matching';
import { planAllocations, type PlanResult } from '../../services/planAllocations';
import type { RequestContext } from '../context';

export const matchingResolvers = {
  Query: {
    matchNeed: async (_: unknown, args: { needId: string; limit?: number | null }, ctx: RequestContext) =>
      matchNeed(ctx, args.needId, { limit: args.limit ?? 5 }),
    referralPath: (_: unknown, args: { from: string; to: string; needId?: string | null }, ctx: RequestContext) =>
      referralPath(ctx, args.from, args.to, args.needId ?? null),
  },
  Mutation: {
    planAllocations: async (_: unknown, args: { input?: Record<string, unknown> | null }, ctx: RequestContext) => {
      const plan = await planAllocations(ctx, args.input ?? {}, ctx.viewer.subject, (line) => ctx.log.info(line));
      return presentPlan(plan, typeof args.input?.['show'] === 'number' ? args.input['show'] : 100);
    },
  },
  MatchResult: {
    __resolveType: (r: MatchResult) => {
      switch (r.kind) {
        case 'MATCHED':
          return 'Matched';
        case 'NO_SUITABLE_RESOURCE':
          return 'NoSuitableResource';
        default: {
          const never: never = r;
          return never;
        }
      }
    },
  },
  Matched: { considered: (r: MatchResult) => presentConsidered(r) },
  NoSuitableResource: { considered: (r: MatchResult) => presentConsidered(r) },
  ExcludedService: {
    service: (e: { serviceId: string }, _: unknown, ctx: RequestContext) => ctx.loaders.Service.load(e.serviceId),
  },
  NoMatchReason: {
    services: (r: NoMatchReason, _: unknown, ctx: RequestContext) => ctx.loaders.Service.loadMany(r.serviceIds),
  },
  MatchDataIssue: {
    service: (d: { serviceId: string }, _: unknown, ctx: RequestContext) => ctx.loaders.Service.load(d.serviceId),
  },
  Match: {
    service: (m: Match, _: unknown, ctx: RequestContext) => ctx.loaders.Service.load(m.serviceId),
    scoreParts: (m: Match) => m.parts,
  },
  TrustStep: {
    from: (s: TrustStep, _: unknown, ctx: RequestContext) => loadTrustNode(ctx, s.fromId),
    to: (s: TrustStep, _: unknown, ctx: RequestContext) => loadTrustNode(ctx, s.toId),
  },
  TrustNode: { __resolveType: (node: { id: string }) => kindOfId(node.id) },
  AllocationAssignment: {
    need: (a: { needId: string }, _: unknown, ctx: RequestContext) => ctx.loaders.Need.load(a.needId),
    service: (a: { serviceId: string }, _: unknown, ctx: RequestContext) => ctx.loaders.Service.load(a.serviceId),
    referral: (a: { referralId?: string }, _: unknown, ctx: RequestContext) => (a.referralId ? ctx.loaders.Referral.load(a.referralId) : null),
  },
  AllocationUnassigned: {
    need: (a: { needId: string }, _: unknown, ctx: RequestContext) => ctx.loaders.Need.load(a.needId),
  },
  VillageAllocation: {
    village: (v: { villageId: string }, _: unknown, ctx: RequestContext) => ctx.loaders.Village.load(v.villageId),
  },
};

function presentConsidered(r: MatchResult) {
  return {
    total: r.considered.total,
    suitable: r.considered.suitable,
    excluded: EXCLUSION_REASONS.map((reason) => ({ reason, count: r.considered.excluded[reason] })),
  };
}

function presentPlan(plan: PlanResult, show: number) {
  return {
    committed: plan.committed,
    needsConsidered: plan.needsConsidered,
    assignedCount: plan.assignments.length,
    unassignedCount: plan.unassigned.length,
    referralsCreated: plan.referralsCreated,
    assignments: plan.assignments.slice(0, show).map((a) => {
      const outcome = plan.commitOutcomes.get(a.needId);
      return {
        ...a,
        ...(outcome && 'referralId' in outcome ? { referralId: outcome.referralId } : {}),
        commitError: outcome && 'error' in outcome ? outcome.error : null,
      };
    }),
    unassigned: plan.unassigned.slice(0, show),
    byVillage: plan.byVillage,
  };
}

async function loadTrustNode(ctx: RequestContext, id: string): Promise<unknown> {
  const kind = kindOfId(id);
  if (kind === null) return null;
  return (ctx.loaders[kind] as DataLoader<string, unknown>).load(id);
}
