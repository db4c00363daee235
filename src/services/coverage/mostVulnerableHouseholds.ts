import type { Household } from '../../domain/model';
import { parseInput } from '../../errors/fromZodError';
import type { ServiceContext } from '../ServiceContext';
import { MostVulnerableArgs } from './coverageArgs';

/** Whose households a ranking may include: every household, or those of some townships or villages. */
export type HouseholdScope = { all: true } | { townshipIds: readonly string[] } | { villageIds: readonly string[] };

/**
 * The households with the highest vulnerability score (domain/vulnerabilityIndex;
 * the stored score, desc, then id), within the caller's scope: a coordinator
 * ranks the families of their townships, not the county's. Only households
 * scoring > 0 are ranked. The score's parts come from vulnerabilityBreakdown
 * where the household is presented (Household.vulnerabilityParts).
 */
export async function mostVulnerableHouseholds(ctx: ServiceContext, rawArgs: unknown, scope: HouseholdScope): Promise<Household[]> {
  const { limit } = parseInput(MostVulnerableArgs, rawArgs ?? {}, []);
  if ('all' in scope) return ctx.store.topVulnerableHouseholds(limit, {});
  const filters =
    'townshipIds' in scope ? [...new Set(scope.townshipIds)].map((townshipId) => ({ townshipId })) : [...new Set(scope.villageIds)].map((villageId) => ({ villageId }));
  const lists = await Promise.all(filters.map((filter) => ctx.store.topVulnerableHouseholds(limit, filter)));
  return lists
    .flat()
    .sort((a, b) => b.vulnerabilityScore - a.vulnerabilityScore || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
