import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { idOf, type Consent } from '../../domain/model';
import { parseInput } from '../../errors/fromZodError';
import { consentsOf, isConsentActive, recordConsent, withdrawConsent } from '../../services/consent';
import type { RequestContext } from '../context';
import { toConnection, toPageRequest, type ConnectionArgs } from '../connection';
import { parseFilter } from '../filters';
import { required } from './required';

/** Who may call these is decided by src/api/auth/operationRules.ts before they run. */
const AuditEventFilterInput = z.object({
  actorId: z.string().max(200).nullish().transform((v) => v ?? undefined),
  entityId: z.string().max(200).nullish().transform((v) => v ?? undefined),
  action: z.enum(['READ_SENSITIVE', 'WRITE']).nullish().transform((v) => v ?? undefined),
});

const actorOf = (ctx: RequestContext) => ({ actorId: ctx.viewer.subject });

export const accessResolvers = {
  Query: {
    auditEvents: async (_: unknown, args: ConnectionArgs & { filter?: unknown }, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('AuditEvent', parseFilter(AuditEventFilterInput, args.filter), toPageRequest(args, undefined, info))),
    consents: async (_: unknown, args: { householdId: unknown }, ctx: RequestContext) => {
      const householdId = parseInput(idOf('Household'), args.householdId, ['householdId']);
      return (await consentsOf(ctx.store, householdId)).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
    },
  },
  Mutation: {
    recordConsent: (_: unknown, args: { input: unknown }, ctx: RequestContext) => recordConsent(ctx, actorOf(ctx), args.input),
    withdrawConsent: (_: unknown, args: { id: unknown }, ctx: RequestContext) => withdrawConsent(ctx, args.id),
  },
  Consent: {
    household: async (c: Consent, _: unknown, ctx: RequestContext) =>
      required(await ctx.loaders.Household.load(c.householdId), 'Household', c.householdId),
    organizations: async (c: Consent, _: unknown, ctx: RequestContext) =>
      (await ctx.loaders.Organization.loadMany(c.organizationIds)).filter((o) => o !== null && !(o instanceof Error)),
    active: (c: Consent, _: unknown, ctx: RequestContext) => isConsentActive(c, ctx.now()),
  },
};
