import { buildStakeholderGraph, type NetworkSnapshot, type StakeholderGraph } from '../graph';
import type { Referral } from '../domain/model';
import type { TrackRecord } from '../domain/matching';
import type { GraphStore } from '../store/GraphStore';
import { listAll } from './listAll';

export interface NetworkView {
  /** store.version() this view was read at. */
  version: number;
  snapshot: NetworkSnapshot;
  graph: StakeholderGraph;
  /** Past referrals per service, for the track-record part of the score. */
  trackRecords: ReadonlyMap<string, TrackRecord>;
}

/**
 * The stakeholder projection (villages, people, stations, organisations,
 * services; households as counts) read from the store and built into a graph.
 * Cached per store and keyed on store.version(), so any write anywhere —
 * from this API instance or another — makes the next request rebuild it: no
 * cache outlives the data it was built from.
 */
const cache = new WeakMap<GraphStore, Promise<NetworkView>>();

export async function networkView(store: GraphStore): Promise<NetworkView> {
  const version = await store.version();
  const cached = cache.get(store);
  if (cached) {
    const view = await cached.catch(() => null);
    if (view && view.version === version) return view;
  }
  const fresh = readNetworkView(store, version);
  cache.set(store, fresh);
  fresh.catch(() => cache.delete(store));
  return fresh;
}

async function readNetworkView(store: GraphStore, version: number): Promise<NetworkView> {
  const [townships, villages, people, organizations, services, relationships, stats, referrals] = await Promise.all([
    listAll(store, 'Township'),
    listAll(store, 'Village'),
    listAll(store, 'Person'),
    listAll(store, 'Organization'),
    listAll(store, 'Service'),
    listAll(store, 'Relationship'),
    store.householdStatsByVillage(),
    listAll(store, 'Referral'),
  ]);
  const snapshot: NetworkSnapshot = {
    townships,
    villages,
    people,
    organizations,
    services,
    relationships,
    householdsByVillage: new Map(stats.map((s) => [s.villageId, { households: s.households, vulnerable: s.vulnerable }])),
  };
  return { version, snapshot, graph: buildStakeholderGraph(snapshot), trackRecords: trackRecordsOf(referrals) };
}

/**
 * Counts of past referrals per service: sent, accepted (ever, unless declined later), resolved,
 * declined; a decline for NO_CAPACITY (the service was full) is counted in
 * declinedNoCapacity instead, which never counts against its reliability
 * (domain/matching scoreMatch).
 */
export function trackRecordsOf(referrals: readonly Referral[]): Map<string, TrackRecord> {
  const records = new Map<string, Required<TrackRecord>>();
  for (const r of referrals) {
    const rec = records.get(r.serviceId) ?? { sent: 0, accepted: 0, resolved: 0, declined: 0, declinedNoCapacity: 0 };
    rec.sent += 1;
    // A referral declined after it was accepted (the lifecycle allows it) ends as a decline, not an acceptance.
    if (r.status === 'DECLINED') {
      if (r.reason === 'NO_CAPACITY') rec.declinedNoCapacity += 1;
      else rec.declined += 1;
    } else if (r.transitions.some((t) => t.status === 'ACCEPTED')) rec.accepted += 1;
    if (r.status === 'RESOLVED') rec.resolved += 1;
    records.set(r.serviceId, rec);
  }
  return records;
}
