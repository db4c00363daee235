import type DataLoader from 'dataloader';
import type { EntityMap } from '../../domain/model';
import { listAll } from '../../services/listAll';
import type { FilterMap, Page, PageRequest } from '../../store/GraphStore';
import type { RequestContext } from '../context';
import { pageOf } from '../connection';
import { mergePages } from './mergePages';
import { accessOf, type RequestAccess } from './RequestAccess';

/**
 * List queries over household-level records, restricted to the viewer's
 * scope before the store is asked (the schema guard filters again, fail closed):
 *
 * - no place filter: every township (COORDINATOR) or village (SOCIAL_WORKER,
 *   VOLUNTEER) of the scope is queried and the pages merged by id, so a
 *   multi-township coordinator pages through all of them at once;
 * - a filter naming a place or record outside the scope: an empty page, as if
 *   nothing matched (an out-of-scope record behaves as not found);
 * - a partner NGO's referrals: forced to its organisation;
 * - referrals and assistances have no place filter in the store port, so
 *   without a householdId/needId/referralId filter they are read whole and
 *   filtered record by record (fine at the network's scale: thousands).
 */
export type ScopedKind = 'Household' | 'Need' | 'Referral' | 'Assistance';

type Plan<K extends ScopedKind> = { queries: Array<FilterMap[K]> } | { scan: FilterMap[K] };

export async function scopedPage<K extends ScopedKind>(ctx: RequestContext, kind: K, filter: FilterMap[K], page: PageRequest): Promise<Page<EntityMap[K]>> {
  const access = accessOf(ctx);
  const plan = await scopedPlan(ctx, kind, filter);
  let result: Page<EntityMap[K]>;
  if ('scan' in plan) {
    const all = await listAll(ctx.store, kind, plan.scan);
    const visible = await Promise.all(all.map((record) => access.canRead(kind, record.id)));
    result = pageOf(all.filter((_, i) => visible[i]), page);
  } else if (plan.queries.length === 1) {
    result = await ctx.store.list(kind, plan.queries[0] as FilterMap[K], page);
  } else {
    result = mergePages(await Promise.all(plan.queries.map((f) => ctx.store.list(kind, f, page))), page.first);
  }
  // The guard re-checks each record by id; these are the stored rows, so let it reuse them.
  const loader = ctx.loaders[kind] as unknown as DataLoader<string, EntityMap[K] | null>;
  for (const item of result.items) loader.prime(item.id, item);
  return result;
}

/**
 * The store filters that cover exactly the viewer's part of `filter` (one
 * query each, disjoint), or a scan filtered record by record: what scopedPage
 * runs, for other readers of the same scope (searchHouseholds).
 */
export type ScopedPlan<K extends ScopedKind> = { queries: Array<FilterMap[K]> } | { scan: FilterMap[K] };

export async function scopedPlan<K extends ScopedKind>(ctx: RequestContext, kind: K, filter: FilterMap[K]): Promise<ScopedPlan<K>> {
  const access = accessOf(ctx);
  if (access.role === 'ADMIN') return { queries: [filter] };
  return access.visibility(kind) === 'NONE' ? { queries: [] } : planFor(access, kind, filter);
}

// Private: which store queries cover exactly the viewer's part of `filter`.

async function planFor<K extends ScopedKind>(access: RequestAccess, kind: K, filter: FilterMap[K]): Promise<Plan<K>> {
  const f = filter as FilterMap['Household'] & FilterMap['Need'] & FilterMap['Referral'] & FilterMap['Assistance'];
  const none: Plan<K> = { queries: [] };
  const just: Plan<K> = { queries: [filter] };
  if (access.role === 'PARTNER_NGO') {
    const org = access.viewerScope().organizationId;
    if (kind !== 'Referral' || org === null) return { scan: filter };
    if (f.organizationId !== undefined && f.organizationId !== org) return none;
    return { queries: [{ ...filter, organizationId: org }] };
  }
  switch (kind) {
    case 'Household':
    case 'Need': {
      if (f.householdId !== undefined && !(await access.canRead('Household', f.householdId))) return none;
      if (f.villageId !== undefined && !(await access.villageInScope(f.villageId))) return none;
      const { townshipIds, villageIds } = access.viewerScope();
      if (access.role === 'COORDINATOR') {
        if (f.townshipId !== undefined && !townshipIds.includes(f.townshipId)) return none;
        if (f.householdId !== undefined || f.villageId !== undefined || f.townshipId !== undefined) return just;
        return { queries: [...new Set(townshipIds)].map((townshipId) => ({ ...filter, townshipId })) };
      }
      if (f.householdId !== undefined || f.villageId !== undefined) return just;
      return { queries: [...new Set(villageIds)].map((villageId) => ({ ...filter, villageId })) };
    }
    case 'Referral':
      if (f.householdId !== undefined) return (await access.canRead('Household', f.householdId)) ? just : none;
      if (f.needId !== undefined) return (await access.canRead('Need', f.needId)) ? just : none;
      return { scan: filter };
    case 'Assistance':
      if (f.needId !== undefined) return (await access.canRead('Need', f.needId)) ? just : none;
      if (f.referralId !== undefined) return (await access.canRead('Referral', f.referralId)) ? just : none;
      return { scan: filter };
    default: {
      const never: never = kind;
      return never;
    }
  }
}
