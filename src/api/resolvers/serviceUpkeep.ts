import { updateService } from '../../services/updateService';
import type { RequestContext } from '../context';

/** schema/serviceUpkeep.graphql; who may call it: src/api/auth/operationRules.ts (the service's own organisation). */
export const serviceUpkeepResolvers = {
  Mutation: {
    updateService: (_: unknown, args: { id: unknown; input: unknown }, ctx: RequestContext) => updateService(ctx, { actorId: ctx.viewer.subject }, args.id, args.input),
  },
};
