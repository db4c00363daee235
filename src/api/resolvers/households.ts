import type { GraphQLResolveInfo } from 'graphql';
import type { Household, Loan, Need } from '../../domain/model';
import { recordNeed, registerHousehold, updateHousehold } from '../../services/households';
import { scopedPage } from '../auth/scopedPage';
import type { RequestContext } from '../context';
import { toConnection, toPageRequest, type ConnectionArgs } from '../connection';
import { HouseholdFilterInput, NeedFilterInput, parseFilter } from '../filters';
import { required } from './required';

type ListArgs = ConnectionArgs & { filter?: unknown };

export const householdsResolvers = {
  Query: {
    // totalCount is counted only when the query selects it (toPageRequest with info).
    households: async (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await scopedPage(ctx, 'Household', parseFilter(HouseholdFilterInput, args.filter), toPageRequest(args, undefined, info))),
    needs: async (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await scopedPage(ctx, 'Need', parseFilter(NeedFilterInput, args.filter), toPageRequest(args, undefined, info))),
    categories: (_: unknown, __: unknown, ctx: RequestContext) => ctx.store.listCategories(),
  },
  Mutation: {
    registerHousehold: (_: unknown, args: { input: unknown }, ctx: RequestContext) => registerHousehold(ctx, args.input),
    updateHousehold: (_: unknown, args: { id: string; input: unknown; expectedVersion?: number | null }, ctx: RequestContext) =>
      updateHousehold(ctx, args.id, args.input, args.expectedVersion),
    recordNeed: (_: unknown, args: { input: unknown }, ctx: RequestContext) => recordNeed(ctx, args.input),
  },
  Household: {
    village: async (h: Household, _: unknown, ctx: RequestContext) =>
      required(await ctx.loaders.Village.load(h.villageId), 'Village', h.villageId),
    needs: async (h: Household, args: ConnectionArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Need', { householdId: h.id }, toPageRequest(args, undefined, info))),
  },
  Loan: {
    creditOfficer: (loan: Loan, _: unknown, ctx: RequestContext) => ctx.loaders.Person.load(loan.creditOfficerId),
  },
  Need: {
    household: async (n: Need, _: unknown, ctx: RequestContext) =>
      required(await ctx.loaders.Household.load(n.householdId), 'Household', n.householdId),
  },
};
