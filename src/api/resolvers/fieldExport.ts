import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { EntityMap, Household, Referral } from '../../domain/model';
import { parseInput } from '../../errors/fromZodError';
import { exportHouseholds, exportReferrals, type ExportedFile, type ReferralExportRow } from '../../services/fieldExport';
import { listAll } from '../../services/listAll';
import { resolveSensitiveRead } from '../auth/checkFilterRules';
import { accessOf, type RequestAccess } from '../auth/RequestAccess';
import { scopedPlan, type ScopedKind } from '../auth/scopedPage';
import { sensitiveAllowed } from '../auth/sensitiveRules';
import type { RequestContext } from '../context';
import type { FilterMap } from '../../store/GraphStore';

const Format = z.enum(['CSV', 'XLSX']);
const HouseholdExportArgs = z.object({ format: Format, townshipId: z.string().nullish(), villageId: z.string().nullish() });
const ReferralExportArgs = z.object({ format: Format, status: z.enum(['SENT', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'DECLINED', 'CANCELLED']).nullish() });

/**
 * schema/fieldExport.graphql: the caller's records (the scope plan the lists
 * use, each record re-checked), with a column only where every @sensitive
 * kind on its path is allowed for the role and purpose (sensitiveRules.ts,
 * read through the schema's @sensitive directives: no second copy of either).
 */
export const fieldExportResolvers = {
  Query: {
    exportHouseholds: async (_: unknown, rawArgs: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => {
      const args = parseInput(HouseholdExportArgs, rawArgs, []);
      const filter: FilterMap['Household'] = {
        ...(args.townshipId ? { townshipId: args.townshipId } : {}),
        ...(args.villageId ? { villageId: args.villageId } : {}),
      };
      const households = await scopedRecords(ctx, 'Household', filter);
      return asSheetFile(await exportHouseholds(ctx, households, exportRequest(ctx, info, args.format)));
    },
    exportReferrals: async (_: unknown, rawArgs: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => {
      const args = parseInput(ReferralExportArgs, rawArgs, []);
      const referrals = await scopedRecords(ctx, 'Referral', args.status ? { status: args.status } : {});
      const rows = await referralRows(ctx, referrals);
      return asSheetFile(await exportReferrals(ctx, rows, exportRequest(ctx, info, args.format)));
    },
  },
};

// Private:

function exportRequest(ctx: RequestContext, info: GraphQLResolveInfo, format: 'CSV' | 'XLSX') {
  const access = accessOf(ctx);
  return { format, actor: access.actor(), mayRead: (coordinate: string) => mayReadColumn(access, info, coordinate) };
}

function mayReadColumn(access: RequestAccess, info: GraphQLResolveInfo, coordinate: string): boolean {
  const read = resolveSensitiveRead(info.schema, coordinate);
  if (typeof read === 'string') throw new Error(`api/fieldExport: column ${read}`);
  return read.kinds.every((kind) => sensitiveAllowed(access.role, access.purpose, kind, read.ownerKind));
}

/** Every record of the caller's part of `filter`, each re-checked by id (fail closed). */
async function scopedRecords<K extends ScopedKind>(ctx: RequestContext, kind: K, filter: FilterMap[K]): Promise<Array<EntityMap[K]>> {
  const access = accessOf(ctx);
  const plan = await scopedPlan(ctx, kind, filter);
  const found = 'scan' in plan ? await listAll(ctx.store, kind, plan.scan) : (await Promise.all(plan.queries.map((f) => listAll(ctx.store, kind, f)))).flat();
  const visible = await Promise.all(found.map((record) => access.canRead(kind, record.id)));
  return found.filter((_, i) => visible[i]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function referralRows(ctx: RequestContext, referrals: readonly Referral[]): Promise<ReferralExportRow[]> {
  const [households, needs, services, organizations] = await Promise.all([
    ctx.loaders.Household.loadMany(referrals.map((r) => r.householdId)),
    ctx.loaders.Need.loadMany(referrals.map((r) => r.needId)),
    ctx.loaders.Service.loadMany(referrals.map((r) => r.serviceId)),
    ctx.loaders.Organization.loadMany(referrals.map((r) => r.organizationId)),
  ]);
  const ok = <T>(value: T | Error | null | undefined): T | null => (value instanceof Error || value == null ? null : value);
  return referrals.map((referral, i) => {
    const need = ok(needs[i]);
    return {
      referral,
      household: ok<Household>(households[i]),
      needCategory: need?.category ?? '',
      needUrgency: need?.urgency ?? '',
      needDescription: need?.description ?? '',
      serviceName: ok(services[i])?.name ?? '',
      organizationName: ok(organizations[i])?.name ?? '',
    };
  });
}

function asSheetFile(file: ExportedFile) {
  return { fileName: file.fileName, mimeType: file.mimeType, contentBase64: file.bytes.toString('base64'), rowCount: file.rowCount, columns: file.columns };
}
