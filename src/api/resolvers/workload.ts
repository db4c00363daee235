import { isIdOf } from '../../domain/ids';
import { badInput } from '../../errors/HuzhuError';
import { suppressSmallCells } from '../../services/coverage';
import { assignDevelopmentOfficer, developmentOfficerReport, recordOfficerTraining, type DevelopmentOfficerRow } from '../../services/developmentOfficers';
import { personWorkloads, workloadPeople, type WorkloadRole } from '../../services/workload';
import { INDIVIDUAL_PURPOSES } from '../auth/Purpose';
import { accessOf } from '../auth/RequestAccess';
import { toConnection, toPageRequest, pageOf, type ConnectionArgs } from '../connection';
import type { RequestContext } from '../context';
import { required } from './required';

/**
 * Community development officers' training and assignment, and liaisons' and volunteers' workload (issue 15 item 3).
 * Who may ask is in auth/operationRules.ts; here, scope and small cells:
 * - a COORDINATOR sees the people assigned within its townships and counts only the households there;
 * - the need and referral counts of a person's families are suppressed (1–4) for every role but an ADMIN, and for
 *   everyone when the purpose is not individual case work; the household count follows the coverage report's rule
 *   (suppressed only outside case-work purposes: ADMIN and COORDINATOR see registered households).
 */
function townshipArg(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isIdOf('Township', value)) throw badInput(`townshipId: ${JSON.stringify(value)} is not a Township id (twp_…)`, ['townshipId']);
  return value;
}

/** The townships a request covers: the one asked for (within scope), the coordinator's, or the county (null). */
function scopeOf(ctx: RequestContext, townshipId: string | null): string[] | null {
  if (ctx.viewer.role === 'ADMIN') return townshipId === null ? null : [townshipId];
  const own = [...ctx.viewer.townshipIds];
  if (townshipId === null) return own;
  return own.includes(townshipId) ? [townshipId] : [];
}

export const workloadResolvers = {
  Query: {
    developmentOfficers: async (_: unknown, args: { townshipId?: string | null }, ctx: RequestContext) => {
      const townshipId = townshipArg(args.townshipId);
      if (townshipId !== null) required(await ctx.loaders.Township.load(townshipId), 'Township', townshipId);
      return developmentOfficerReport(ctx, townshipId);
    },
    workload: async (_: unknown, args: ConnectionArgs & { role?: WorkloadRole | null; townshipId?: string | null }, ctx: RequestContext) => {
      const townshipId = townshipArg(args.townshipId);
      if (townshipId !== null) required(await ctx.loaders.Township.load(townshipId), 'Township', townshipId);
      const request = toPageRequest(args);
      const people = await workloadPeople(ctx, { townshipIds: scopeOf(ctx, townshipId), role: args.role ?? null });
      const page = pageOf(people.map((row) => ({ ...row, id: row.person.id })), request);
      const rows = await personWorkloads(ctx, page.items);
      const individual = INDIVIDUAL_PURPOSES.has(accessOf(ctx).purpose);
      const needsShown = suppressSmallCells(
        rows.map((r) => ({ openNeeds: r.openNeeds, referrals: r.referrals })),
        { suppress: ctx.viewer.role !== 'ADMIN' || !individual },
      );
      const householdsShown = suppressSmallCells(rows.map((r) => ({ households: r.households })), { suppress: !individual });
      const nodes = rows.map((r, i) => ({
        id: r.id,
        role: r.role,
        villageIds: r.villageIds,
        households: householdsShown[i]?.households ?? null,
        openNeeds: needsShown[i]?.openNeeds ?? null,
        referrals: needsShown[i]?.referrals ?? null,
        suppressed: (needsShown[i]?.suppressed ?? false) || (householdsShown[i]?.suppressed ?? false),
      }));
      return toConnection({ ...page, items: nodes });
    },
  },
  Mutation: {
    recordOfficerTraining: (_: unknown, args: { personId: string; input: unknown }, ctx: RequestContext) => recordOfficerTraining(ctx, args.personId, args.input),
    assignDevelopmentOfficer: (_: unknown, args: { personId: string; input: unknown }, ctx: RequestContext) =>
      assignDevelopmentOfficer(ctx, args.personId, args.input),
  },
  Person: {
    trainings: (p: { trainings?: unknown[] }) => p.trainings ?? [],
  },
  DevelopmentOfficer: {
    trainings: (row: DevelopmentOfficerRow) => row.person.trainings,
    villages: async (row: DevelopmentOfficerRow, _: unknown, ctx: RequestContext) => (await ctx.loaders.Village.loadMany(row.person.villageIds)).filter(isRecord),
    townships: async (row: DevelopmentOfficerRow, _: unknown, ctx: RequestContext) => (await ctx.loaders.Township.loadMany(row.person.townshipIds)).filter(isRecord),
  },
  PersonWorkload: {
    person: async (row: { id: string }, _: unknown, ctx: RequestContext) => required(await ctx.loaders.Person.load(row.id), 'Person', row.id),
    villages: async (row: { villageIds: string[] }, _: unknown, ctx: RequestContext) => (await ctx.loaders.Village.loadMany(row.villageIds)).filter(isRecord),
  },
};

function isRecord<T>(value: T | Error | null): value is T {
  return value !== null && !(value instanceof Error);
}
