import type { EntityMap, Household } from '../../domain/model';
import type { NetworkSnapshot } from '../../graph';
import type { GraphStore } from '../../store/GraphStore';
import { listAll } from '../listAll';
import { MOST_VULNERABLE_COUNT, SUPPORT_CATEGORIES, SUPPORTING_REFERRAL_STATUSES } from './coverageTargets';
import type { ReferralFact } from './referralFacts';

/**
 * The 20 most vulnerable households (stored vulnerabilityScore, the store's
 * index) and how many of them got support for an urgent medical,
 * elderly-care or education need: a referral of such a need that an
 * organisation took on (ACCEPTED, IN_PROGRESS, RESOLVED), or recorded
 * assistance on one. Reads a few records per household, never all of them.
 */
export async function readMostVulnerableSupport(store: GraphStore): Promise<{ ranked: number; supported: number }> {
  const top = await store.topVulnerableHouseholds(MOST_VULNERABLE_COUNT, {});
  const supported = await Promise.all(top.map((h) => householdSupported(store, h)));
  return { ranked: top.length, supported: supported.filter(Boolean).length };
}

/**
 * Every referral with its need's category and its family's village and
 * township (from the snapshot's villages). Referrals are few (one per need
 * sent on); their needs and households are read by id in batches.
 */
export async function readReferralFacts(store: GraphStore, snapshot: Pick<NetworkSnapshot, 'villages'>): Promise<ReferralFact[]> {
  const referrals = await listAll(store, 'Referral');
  const needs = await getManyById(store, 'Need', referrals.map((r) => r.needId));
  const households = await getManyById(store, 'Household', referrals.map((r) => r.householdId));
  const townshipOfVillage = new Map(snapshot.villages.map((v) => [v.id, v.townshipId]));
  return referrals.map((r) => {
    const villageId = households.get(r.householdId)?.villageId ?? null;
    return {
      status: r.status,
      reason: r.reason,
      transitions: r.transitions,
      createdAt: r.createdAt,
      category: needs.get(r.needId)?.category ?? null,
      villageId,
      townshipId: villageId === null ? null : (townshipOfVillage.get(villageId) ?? null),
    };
  });
}

// Private:

const BATCH = 1000;

async function getManyById<K extends 'Need' | 'Household'>(store: GraphStore, kind: K, ids: readonly string[]): Promise<Map<string, EntityMap[K]>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, EntityMap[K]>();
  for (let i = 0; i < unique.length; i += BATCH) {
    const rows = await store.getMany(kind, unique.slice(i, i + BATCH));
    for (const row of rows) if (row) found.set(row.id, row);
  }
  return found;
}

async function householdSupported(store: GraphStore, household: Household): Promise<boolean> {
  const needs = (await listAll(store, 'Need', { householdId: household.id })).filter((n) => SUPPORT_CATEGORIES.includes(n.category));
  if (needs.length === 0) return false;
  const needIds = new Set(needs.map((n) => n.id));
  const referrals = await listAll(store, 'Referral', { householdId: household.id });
  const statuses: readonly string[] = SUPPORTING_REFERRAL_STATUSES;
  if (referrals.some((r) => needIds.has(r.needId) && statuses.includes(r.status))) return true;
  for (const need of needs) {
    const page = await store.list('Assistance', { needId: need.id }, { first: 1 });
    if (page.items.length > 0) return true;
  }
  return false;
}
