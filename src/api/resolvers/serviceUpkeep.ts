import type { Match } from '../../domain/matching';
import type { Service } from '../../domain/model';
import { serviceFreshness } from '../../domain/serviceFreshness';
import { confirmService } from '../../services/confirmService';
import { staleServices } from '../../services/staleServices';
import { updateService } from '../../services/updateService';
import { toConnection, toPageRequest } from '../connection';
import type { RequestContext } from '../context';

/** schema/serviceUpkeep.graphql; who may call it: src/api/auth/operationRules.ts (the service's own organisation). */
export const serviceUpkeepResolvers = {
  Query: {
    staleServices: async (_: unknown, args: { first?: number | null; after?: string | null }, ctx: RequestContext) => {
      const { role, townshipIds, organizationId } = ctx.viewer;
      return toConnection(await staleServices(ctx, { role, townshipIds, organizationId }, ctx.staleAfterDays, toPageRequest(args)));
    },
  },
  Mutation: {
    updateService: (_: unknown, args: { id: unknown; input: unknown }, ctx: RequestContext) => updateService(ctx, { actorId: ctx.viewer.subject }, args.id, args.input),
    confirmService: (_: unknown, args: { id: unknown }, ctx: RequestContext) => confirmService(ctx, { actorId: ctx.viewer.subject }, args.id),
  },
  Service: {
    stale: (service: Service, _: unknown, ctx: RequestContext) => serviceFreshness(service, ctx.now(), ctx.staleAfterDays).stale,
    staleSince: (service: Service, _: unknown, ctx: RequestContext) => serviceFreshness(service, ctx.now(), ctx.staleAfterDays).staleSince,
  },
  // The match explanation's freshness flag (issue 14 item 4): read from the service the match names, by the same rule.
  Match: {
    stale: async (match: Match, _: unknown, ctx: RequestContext) => {
      const service = await ctx.loaders.Service.load(match.serviceId);
      return service ? serviceFreshness(service, ctx.now(), ctx.staleAfterDays).stale : false;
    },
    confirmedOn: async (match: Match, _: unknown, ctx: RequestContext) => (await ctx.loaders.Service.load(match.serviceId))?.confirmedOn ?? null,
  },
};
