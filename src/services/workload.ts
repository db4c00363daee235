import type { Household, Person } from '../domain/model';
import { FamilyFigure, familyCount } from './coverage/FamilyFigure';
import { listAll } from './listAll';
import type { ServiceContext } from './ServiceContext';

/**
 * Liaisons' and volunteers' workload (issue 15 item 3): per person, the registered households of the villages
 * they are assigned to, the OPEN needs among them, and the referrals of those households (a referral travels
 * household → village liaison → township station → organisation → service, DOMAIN.md: the village's people are who
 * it goes through; on the seed no best trust path steps through a liaison, the village's tie to its station is
 * cheaper, so a trust-path test would count none). Figures are FamilyFigures, so the API must pass them through
 * suppressSmallCells.
 */
export const WORKLOAD_ROLES = ['LIAISON', 'VOLUNTEER'] as const;
export type WorkloadRole = (typeof WORKLOAD_ROLES)[number];

export interface WorkloadScope {
  /** Only people assigned to a village in these townships, counting only households there; null = the county. */
  townshipIds: readonly string[] | null;
  role?: WorkloadRole | null;
}

export interface PersonWorkload {
  /** The person's id (the page's key). */
  id: string;
  role: WorkloadRole;
  villageIds: string[];
  households: FamilyFigure;
  openNeeds: FamilyFigure;
  referrals: FamilyFigure;
}

/** The liaisons and volunteers within scope, by id: the rows a workload page is cut from. */
export async function workloadPeople(ctx: ServiceContext, scope: WorkloadScope): Promise<Array<{ person: Person; role: WorkloadRole; villageIds: string[] }>> {
  const roles = scope.role ? [scope.role] : WORKLOAD_ROLES;
  const villages = await listAll(ctx.store, 'Village', {});
  const inScope = new Set(villages.filter((v) => scope.townshipIds === null || scope.townshipIds.includes(v.townshipId)).map((v) => v.id));
  const rows: Array<{ person: Person; role: WorkloadRole; villageIds: string[] }> = [];
  const seen = new Set<string>();
  for (const role of roles) {
    for (const person of await listAll(ctx.store, 'Person', { role })) {
      const villageIds = person.villageIds.filter((id) => inScope.has(id));
      if (villageIds.length === 0 || seen.has(person.id)) continue;
      seen.add(person.id);
      rows.push({ person, role, villageIds });
    }
  }
  return rows.sort((a, b) => (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0));
}

/** The workload of the given people (one page of workloadPeople). */
export async function personWorkloads(
  ctx: ServiceContext,
  rows: ReadonlyArray<{ person: Person; role: WorkloadRole; villageIds: readonly string[] }>,
): Promise<PersonWorkload[]> {
  if (rows.length === 0) return [];
  const villageIds = [...new Set(rows.flatMap((r) => r.villageIds))];
  const householdsByVillage = new Map<string, Household[]>();
  for (const villageId of villageIds) householdsByVillage.set(villageId, await listAll(ctx.store, 'Household', { villageId }));
  const householdById = new Map([...householdsByVillage.values()].flat().map((h) => [h.id, h]));
  const [openNeeds, referrals] = await Promise.all([listAll(ctx.store, 'Need', { status: 'OPEN' }), listAll(ctx.store, 'Referral', {})]);
  const relevant = referrals.filter((r) => householdById.has(r.householdId));
  return rows.map(({ person, role, villageIds: own }) => {
    const households = own.flatMap((id) => householdsByVillage.get(id) ?? []);
    const ids = new Set(households.map((h) => h.id));
    const needs = openNeeds.filter((n) => ids.has(n.householdId));
    const referred = relevant.filter((r) => ids.has(r.householdId));
    return {
      id: person.id,
      role,
      villageIds: [...own],
      households: familyCount(ids.size),
      openNeeds: new FamilyFigure(needs.length, new Set(needs.map((n) => n.householdId)).size),
      referrals: new FamilyFigure(referred.length, new Set(referred.map((r) => r.householdId)).size),
    };
  });
}
