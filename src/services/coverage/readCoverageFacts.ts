import { familySupport, MOST_VULNERABLE_COUNT, SUPPORT_CATEGORIES, type ReportingPeriod } from '../../domain/coverageDefinitions';
import type { EntityMap, Household } from '../../domain/model';
import type { NetworkSnapshot } from '../../graph';
import type { GraphStore } from '../../store/GraphStore';
import { listAll } from '../listAll';
import { supportGapText, type MostVulnerableSupport, type UnsupportedFamily } from './coverageTargets';
import type { ReferralFact } from './referralFacts';

/**
 * The 20 most vulnerable households (stored vulnerabilityScore, the store's
 * index) and, by domain/coverageDefinitions familySupport, which of them got
 * support for an urgent medical, elderly-care or education need within the
 * reporting period — and why the others did not. Reads a few records per
 * household, never all of them.
 */
export async function readMostVulnerableSupport(store: GraphStore, period: ReportingPeriod, snapshot?: Pick<NetworkSnapshot, 'villages'>): Promise<MostVulnerableSupport> {
  const top = await store.topVulnerableHouseholds(MOST_VULNERABLE_COUNT, {});
  const townshipOf = new Map((snapshot?.villages ?? []).map((v) => [v.id, v.townshipId]));
  const results = await Promise.all(top.map((h) => householdSupport(store, h, period)));
  const unsupported: UnsupportedFamily[] = [];
  results.forEach((r, i) => {
    const h = top[i] as Household;
    if (r.supported) return;
    unsupported.push({ householdId: h.id, villageId: h.villageId, townshipId: townshipOf.get(h.villageId) ?? null, rank: i + 1, gap: r.gap, reason: supportGapText(r.gap), needIds: r.needIds });
  });
  return { ranked: top.length, supported: results.filter((r) => r.supported).length, unsupported };
}

/** The default reporting period: the twelve months up to `now`. */
export function defaultReportingPeriod(now: Date): ReportingPeriod {
  const from = new Date(now);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  return { from, to: now };
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

async function householdSupport(store: GraphStore, household: Household, period: ReportingPeriod) {
  const needs = (await listAll(store, 'Need', { householdId: household.id })).filter((n) => SUPPORT_CATEGORIES.includes(n.category));
  if (needs.length === 0) return familySupport({ needs, referrals: [], assistances: [] }, period);
  const referrals = await listAll(store, 'Referral', { householdId: household.id });
  const assistances = (await Promise.all(needs.map((n) => listAll(store, 'Assistance', { needId: n.id })))).flat();
  return familySupport({ needs, referrals, assistances }, period);
}
