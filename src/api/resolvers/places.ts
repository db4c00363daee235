import type { GraphQLResolveInfo } from 'graphql';
import type { Township, Village } from '../../domain/model';
import type { RequestContext } from '../context';
import { toConnection, toPageRequest, type ConnectionArgs } from '../connection';
import { parseFilter, TownshipFilterInput, VillageFilterInput } from '../filters';
import { required } from './required';

type ListArgs = ConnectionArgs & { filter?: unknown };

export const placesResolvers = {
  Query: {
    townships: async (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Township', parseFilter(TownshipFilterInput, args.filter), toPageRequest(args, undefined, info))),
    villages: async (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Village', parseFilter(VillageFilterInput, args.filter), toPageRequest(args, undefined, info))),
  },
  Township: {
    villages: async (t: Township, args: ConnectionArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Village', { townshipId: t.id }, toPageRequest(args, undefined, info))),
  },
  Village: {
    township: async (v: Village, _: unknown, ctx: RequestContext) =>
      required(await ctx.loaders.Township.load(v.townshipId), 'Township', v.townshipId),
  },
};
