import { accessOf } from '../auth/RequestAccess';
import type { RequestContext } from '../context';
import { clearLoaders } from '../loaders';
import { accessResolvers } from './access';
import { accountsResolvers } from './accounts';
import { alertsResolvers } from './alerts';
import { coverageResolvers } from './coverage';
import { fieldExportResolvers } from './fieldExport';
import { householdImportResolvers } from './householdImport';
import { creditResolvers } from './credit';
import { householdsResolvers } from './households';
import { matchingResolvers } from './matching';
import { networkResolvers } from './network';
import { nodeResolvers } from './node';
import { placesResolvers } from './places';
import { plansResolvers } from './plans';
import { referralsResolvers } from './referrals';
import { scalarResolvers } from './scalars';
import { searchResolvers } from './search';
import { serviceUpkeepResolvers } from './serviceUpkeep';
import { waitlistResolvers } from './waitlist';
import { workloadResolvers } from './workload';
import { withholdUnreadableIds } from '../withholdUnreadableIds';

/** Resolver maps per SDL module, merged type by type; every mutation reads its result fresh. */
export const resolvers = freshAfterWrites(
  mergeResolvers([scalarResolvers, nodeResolvers, placesResolvers, householdsResolvers, networkResolvers, referralsResolvers, matchingResolvers, accessResolvers, coverageResolvers, searchResolvers, accountsResolvers, serviceUpkeepResolvers, alertsResolvers, creditResolvers, plansResolvers, workloadResolvers, waitlistResolvers, householdImportResolvers, fieldExportResolvers]),
);

/**
 * A mutation's result is resolved after its write, but the request's
 * DataLoaders may already hold the records as they were before it (the access
 * guard loads them to check scope): clear them once the write returns.
 * A refused mutation's error names another record (details.existingId) only
 * when the viewer may read it (withholdUnreadableIds).
 */
function freshAfterWrites(merged: Record<string, unknown>): Record<string, unknown> {
  const mutation = merged['Mutation'] as Record<string, (parent: unknown, args: unknown, ctx: RequestContext, info: unknown) => unknown>;
  const wrapped = Object.fromEntries(
    Object.entries(mutation).map(([name, resolve]) => [
      name,
      async (parent: unknown, args: unknown, ctx: RequestContext, info: unknown) => {
        let result: unknown;
        try {
          result = await resolve(parent, args, ctx, info);
        } catch (error) {
          throw await withholdUnreadableIds(error, accessOf(ctx));
        }
        clearLoaders(ctx.loaders);
        return result;
      },
    ]),
  );
  return { ...merged, Mutation: wrapped };
}

function mergeResolvers(maps: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const existing = merged[type];
      if (existing && typeof existing === 'object' && typeof fields === 'object' && fields !== null && !('serialize' in fields)) {
        for (const key of Object.keys(fields)) {
          if (key in existing) throw new Error(`api/mergeResolvers: ${type}.${key} is defined twice`);
        }
        merged[type] = { ...existing, ...fields };
      } else {
        merged[type] = fields;
      }
    }
  }
  return merged;
}
