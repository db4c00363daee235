import type { GraphQLResolveInfo } from 'graphql';
import type { Assistance, Referral } from '../../domain/model';
import { createReferral, overdueReferrals, recordAssistance, updateReferralStatus, type OverdueReferral } from '../../services/referrals';
import { requireReferralConsent } from '../../services/consent';
import { accessOf } from '../auth/RequestAccess';
import { scopedPage } from '../auth/scopedPage';
import type { RequestContext } from '../context';
import { pageOf, toConnection, toPageRequest, type ConnectionArgs } from '../connection';
import { AssistanceFilterInput, parseFilter, ReferralFilterInput } from '../filters';
import { required } from './required';

type ListArgs = ConnectionArgs & { filter?: unknown };
const actorOf = (ctx: RequestContext) => ({ actorId: ctx.viewer.subject });

export const referralsResolvers = {
  Query: {
    referrals: async (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await scopedPage(ctx, 'Referral', parseFilter(ReferralFilterInput, args.filter), toPageRequest(args, undefined, info))),
    assistances: async (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await scopedPage(ctx, 'Assistance', parseFilter(AssistanceFilterInput, args.filter), toPageRequest(args, undefined, info))),
    overdueReferrals: async (_: unknown, args: ConnectionArgs, ctx: RequestContext) => {
      const access = accessOf(ctx);
      const organizationId = access.viewerScope().organizationId;
      const scope = access.role === 'PARTNER_NGO' && organizationId !== null ? { organizationId } : {};
      const waiting = await overdueReferrals(ctx, scope);
      // Only the viewer's referrals, before paging, so counts and pages are the viewer's own.
      const visible = await Promise.all(waiting.map((o) => access.canRead('Referral', o.referral.id)));
      const all = waiting.filter((_, i) => visible[i]).map((o) => ({ ...o, id: o.referral.id }));
      // Ordered by id for stable paging; most overdue first is a client sort on overdueHours.
      return toConnection(pageOf<OverdueReferral & { id: string }>(all, toPageRequest(args)));
    },
  },
  Mutation: {
    createReferral: (_: unknown, args: { input: unknown }, ctx: RequestContext) =>
      createReferral(ctx, actorOf(ctx), args.input, (need, service, overrideReason) => requireReferralConsent(ctx, need, service, overrideReason)),
    updateReferralStatus: (_: unknown, args: { input: unknown }, ctx: RequestContext) => updateReferralStatus(ctx, actorOf(ctx), args.input),
    recordAssistance: (_: unknown, args: { input: unknown }, ctx: RequestContext) => recordAssistance(ctx, actorOf(ctx), args.input),
  },
  Referral: {
    need: async (r: Referral, _: unknown, ctx: RequestContext) => required(await ctx.loaders.Need.load(r.needId), 'Need', r.needId),
    service: async (r: Referral, _: unknown, ctx: RequestContext) => required(await ctx.loaders.Service.load(r.serviceId), 'Service', r.serviceId),
    household: async (r: Referral, _: unknown, ctx: RequestContext) =>
      required(await ctx.loaders.Household.load(r.householdId), 'Household', r.householdId),
    organization: async (r: Referral, _: unknown, ctx: RequestContext) =>
      required(await ctx.loaders.Organization.load(r.organizationId), 'Organization', r.organizationId),
  },
  Assistance: {
    need: async (a: Assistance, _: unknown, ctx: RequestContext) => required(await ctx.loaders.Need.load(a.needId), 'Need', a.needId),
    referral: (a: Assistance, _: unknown, ctx: RequestContext) => (a.referralId ? ctx.loaders.Referral.load(a.referralId) : null),
  },
};
