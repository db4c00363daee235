import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { EntityMap, Referral } from '../../domain/model';
import { ReferralStatus, ReferralReason } from '../../domain/model';
import { EMPTY_TRACK_RECORD, addTrackRecords, referralTrackRecord, type ServiceTrackRecord } from '../../domain/referralTrackRecord';
import type { NetworkCounters } from '../GraphStore';
import { Q } from './cypherRegistry';
import type { QueryTx } from './Neo4jRunner';

/**
 * The counters the network view reads instead of re-aggregating the world
 * (issue 13 item 2), kept on the nodes they describe and changed in the
 * transaction of the write that changes them:
 *
 * - Village: householdCount, vulnerableHouseholdCount (vulnerabilityScore > 0);
 * - Service: referralsSent, referralsAccepted, referralsResolved,
 *   referralsDeclined, referralsDeclinedNoCapacity (domain/referralTrackRecord),
 *   beside activeReferrals, which the capacity claims already maintain.
 *
 * Writers add deltas (new − old) under the node's write lock; a null counter
 * (an upgraded database before init's backfill) stays null until the backfill,
 * which takes the same lock, computes it whole. Only the stakeholder writes
 * bump the NetworkVersion node.
 */

type Household = EntityMap['Household'];

/** A record before (null: new) and after one write. */
export interface Change<T> {
  before: T | null;
  after: T;
}

export async function bumpNetworkVersion(tx: QueryTx): Promise<void> {
  await tx.rows(Q.bumpNetworkVersion, {}, VersionRow);
}

export async function readNetworkVersion(tx: QueryTx): Promise<number> {
  const row = await tx.first(Q.getNetworkVersion, {}, VersionRow);
  return row?.version ?? 0;
}

/** Village counter deltas of household writes, summed per village; villages whose counts do not move are left alone. */
export async function applyHouseholdChanges(tx: QueryTx, changes: ReadonlyArray<Change<Household>>): Promise<void> {
  const deltas = new Map<string, { households: number; vulnerable: number }>();
  const add = (h: Household, sign: 1 | -1) => {
    const d = deltas.get(h.villageId) ?? { households: 0, vulnerable: 0 };
    d.households += sign;
    if (h.vulnerabilityScore > 0) d.vulnerable += sign;
    deltas.set(h.villageId, d);
  };
  for (const { before, after } of changes) {
    if (before !== null) add(before, -1);
    add(after, +1);
  }
  const rows = [...deltas]
    .filter(([, d]) => d.households !== 0 || d.vulnerable !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) // one lock order for every writer
    .map(([villageId, d]) => ({ villageId, households: neo4j.int(d.households), vulnerable: neo4j.int(d.vulnerable) }));
  if (rows.length > 0) await tx.rows(Q.addVillageHouseholdCounts, { rows }, WrittenRow);
}

/** Service track-record deltas of referral writes, summed per service. */
export async function applyReferralChanges(tx: QueryTx, changes: ReadonlyArray<Change<Referral>>): Promise<void> {
  const deltas = new Map<string, ServiceTrackRecord>();
  const add = (r: Referral, sign: 1 | -1) =>
    deltas.set(r.serviceId, addTrackRecords(deltas.get(r.serviceId) ?? EMPTY_TRACK_RECORD, referralTrackRecord(r), sign));
  for (const { before, after } of changes) {
    if (before !== null) add(before, -1);
    add(after, +1);
  }
  const rows = [...deltas]
    .filter(([, d]) => Object.values(d).some((n) => n !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([serviceId, d]) => ({ serviceId, ...intsOf(d) }));
  if (rows.length > 0) await tx.rows(Q.addServiceReferralCounts, { rows }, WrittenRow);
}

/**
 * Gives villages without counters (ids, or every village: null) their counts,
 * at most `limit` per call; returns how many it computed.
 */
export async function computeVillageCounters(tx: QueryTx, ids: readonly string[] | null, limit: number): Promise<number> {
  const row = await tx.first(Q.computeVillageHouseholdCounts, { ids: ids === null ? null : [...ids], limit: neo4j.int(limit) }, WrittenRow);
  return row?.written ?? 0;
}

/** As computeVillageCounters, for services' track records (read from their referrals with the domain rule). */
export async function computeServiceCounters(tx: QueryTx, ids: readonly string[] | null, limit: number): Promise<number> {
  const locked = await tx.rows(Q.lockServicesWithoutReferralCounts, { ids: ids === null ? null : [...ids], limit: neo4j.int(limit) }, IdRow);
  if (locked.length === 0) return 0;
  const records = new Map<string, ServiceTrackRecord>(locked.map((s) => [s.id, { ...EMPTY_TRACK_RECORD }]));
  const referrals = await tx.rows(Q.listReferralTrackRowsByServices, { serviceIds: [...records.keys()] }, TrackRow);
  for (const r of referrals) {
    records.set(r.serviceId, addTrackRecords(records.get(r.serviceId) ?? EMPTY_TRACK_RECORD, referralTrackRecord(r)));
  }
  const rows = [...records].map(([serviceId, d]) => ({ serviceId, ...intsOf(d) }));
  await tx.rows(Q.setServiceReferralCounts, { rows }, WrittenRow);
  return locked.length;
}

export async function readNetworkCounters(tx: QueryTx): Promise<NetworkCounters> {
  const row = await tx.first(Q.readNetworkCounters, {}, CountersRow);
  if (!row) return { version: 0, villages: [], services: [] };
  return {
    version: row.version,
    villages: row.villages,
    services: row.services.map(({ serviceId, activeReferrals, ...trackRecord }) => ({ serviceId, activeReferrals, trackRecord })),
  };
}

// Private:

function intsOf(d: ServiceTrackRecord): Record<keyof ServiceTrackRecord, ReturnType<typeof neo4j.int>> {
  return {
    sent: neo4j.int(d.sent),
    accepted: neo4j.int(d.accepted),
    resolved: neo4j.int(d.resolved),
    declined: neo4j.int(d.declined),
    declinedNoCapacity: neo4j.int(d.declinedNoCapacity),
  };
}

const VersionRow = z.object({ version: z.number() });
const WrittenRow = z.object({ written: z.number().int().min(0) });
const IdRow = z.object({ id: z.string() });
const count = z.number().int();
const TrackRow = z
  .object({ serviceId: z.string(), status: ReferralStatus, reason: ReferralReason.nullable(), transitionsJson: z.string() })
  .transform((r) => ({
    serviceId: r.serviceId,
    status: r.status,
    reason: r.reason,
    transitions: z.array(z.object({ status: ReferralStatus })).parse(JSON.parse(r.transitionsJson)),
  }));
const CountersRow = z.object({
  version: z.number(),
  villages: z.array(z.object({ villageId: z.string(), households: count, vulnerable: count })),
  services: z.array(
    z.object({
      serviceId: z.string(),
      activeReferrals: count,
      sent: count,
      accepted: count,
      resolved: count,
      declined: count,
      declinedNoCapacity: count,
    }),
  ),
});
