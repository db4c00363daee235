import type { Service } from '../domain/model';
import { serviceFreshness } from '../domain/serviceFreshness';
import type { Page, PageRequest } from '../store/GraphStore';
import { listAll } from './listAll';
import type { ServiceContext } from './ServiceContext';

/** Whose services a keeper answers for (the rule of requireServiceKeeper in src/api/auth/operationRules.ts). */
export interface ServiceKeeper {
  role: string;
  townshipIds: readonly string[];
  organizationId: string | null;
}

/**
 * The stale services a keeper should confirm (issue 14 item 4), by id: an
 * ADMIN's are every organisation's; a COORDINATOR's those of organisations in
 * its townships; a PARTNER_NGO's its own organisation's. PLANNED services
 * (not yet offered) are left out: nothing is listed about them to confirm.
 */
export async function staleServices(ctx: ServiceContext, keeper: ServiceKeeper, staleAfterDays: number, page: PageRequest): Promise<Page<Service>> {
  const organizationIds = await keptOrganizations(ctx, keeper);
  const services =
    organizationIds === null
      ? await listAll(ctx.store, 'Service')
      : (await Promise.all([...organizationIds].map((organizationId) => listAll(ctx.store, 'Service', { organizationId })))).flat();
  const today = ctx.now();
  const stale = services
    .filter((s) => s.status !== 'PLANNED' && serviceFreshness(s, today, staleAfterDays).stale)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const from = page.after == null ? 0 : stale.findIndex((s) => s.id > (page.after as string));
  const start = from === -1 ? stale.length : from;
  const items = stale.slice(start, start + page.first);
  return { items, totalCount: stale.length, hasNextPage: start + page.first < stale.length, endCursor: items.at(-1)?.id ?? null };
}

// Private:

/** null: every organisation. */
async function keptOrganizations(ctx: ServiceContext, keeper: ServiceKeeper): Promise<Set<string> | null> {
  switch (keeper.role) {
    case 'ADMIN':
      return null;
    case 'PARTNER_NGO':
      return new Set(keeper.organizationId === null ? [] : [keeper.organizationId]);
    case 'COORDINATOR': {
      const perTownship = await Promise.all(keeper.townshipIds.map((townshipId) => listAll(ctx.store, 'Organization', { townshipId })));
      return new Set(perTownship.flat().map((o) => o.id));
    }
    default:
      return new Set();
  }
}
