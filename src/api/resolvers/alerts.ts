import type { AlertRecord } from '../../domain/Alert';
import { markAlertsRead, myAlerts, type AlertReader } from '../../services/alerts/myAlerts';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsField, toPageRequest, encodeCursor } from '../connection';
import type { RequestContext } from '../context';

/** schema/alerts.graphql; who may call: src/api/auth/operationRules.ts (COORDINATOR, ADMIN). */
export const alertsResolvers = {
  Query: {
    myAlerts: async (_: unknown, args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null }, ctx: RequestContext, info: GraphQLResolveInfo) => {
      // Counted (totalCount and unreadCount come from one count) only when the query selects either.
      const request = toPageRequest(args, undefined, selectsField(info, 'unreadCount') ? undefined : info);
      const page = await myAlerts(ctx, readerOf(ctx), request, args.unreadOnly ?? false);
      return {
        nodes: page.items,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor === null ? null : encodeCursor(page.endCursor) },
        totalCount: page.totalCount,
        unreadCount: page.unreadCount,
      };
    },
  },
  Mutation: {
    markAlertsRead: (_: unknown, args: { ids: unknown }, ctx: RequestContext) => markAlertsRead(ctx, readerOf(ctx), args.ids),
  },
  Alert: {
    // Through the guarded loader: a referral the viewer may not see resolves to null.
    referral: (alert: AlertRecord, _: unknown, ctx: RequestContext) => ctx.loaders.Referral.load(alert.referralId),
  },
};

function readerOf(ctx: RequestContext): AlertReader {
  const { subject, role, townshipIds, villageIds } = ctx.viewer;
  return { readerId: subject, role, townshipIds, villageIds };
}
