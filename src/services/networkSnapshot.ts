import { buildStakeholderGraph, type NetworkSnapshot, type StakeholderGraph } from '../graph';
import type { Referral } from '../domain/model';
import type { TrackRecord } from '../domain/matching';
import { EMPTY_TRACK_RECORD, addTrackRecords, referralTrackRecord, type ServiceTrackRecord } from '../domain/referralTrackRecord';
import type { GraphStore, NetworkCounters } from '../store/GraphStore';

export interface NetworkView {
  /** store.version() (the network version) the stakeholder projection was read at. */
  version: number;
  snapshot: NetworkSnapshot;
  graph: StakeholderGraph;
  /** Past referrals per service, for the track-record part of the score (the store's counters, read fresh). */
  trackRecords: ReadonlyMap<string, TrackRecord>;
}

/**
 * The stakeholder projection (townships, villages, people, organisations,
 * services, relationships), read from the store and built into a graph, is
 * cached per store and keyed on store.version(), the network version, which
 * only writes to those records bump (GraphStore.NETWORK_KINDS): a household,
 * need or referral write does not rebuild it.
 *
 * What moves with every household or referral — households and vulnerable
 * households per village, each service's active referrals and track record —
 * comes from store.networkCounters() on every call: one cheap read of counters
 * the store keeps in the write that changes them, which also carries the
 * version. So a write through this API instance or another is seen by the
 * next request here, with no cache outliving the data it was built from.
 */
interface Cached {
  projection: Promise<Projection>;
  /** The last view handed out, and the counters it was made from (reused while they are unchanged). */
  last: { projection: Projection; counters: NetworkCounters; countersKey: string; view: NetworkView } | null;
}

interface Projection {
  version: number;
  snapshot: Omit<NetworkSnapshot, 'householdsByVillage'>;
  graph: StakeholderGraph;
}

const cache = new WeakMap<GraphStore, Cached>();

export async function networkView(store: GraphStore): Promise<NetworkView> {
  const counters = await store.networkCounters();
  const projection = await projectionAt(store, counters.version);
  const entry = cache.get(store);
  // The same counters object (a store that keeps it between writes, as the memory store does) needs no comparison.
  if (entry?.last && entry.last.projection === projection && entry.last.counters === counters) return entry.last.view;
  const countersKey = JSON.stringify([counters.villages, counters.services]);
  if (entry?.last && entry.last.projection === projection && entry.last.countersKey === countersKey) {
    entry.last.counters = counters;
    return entry.last.view;
  }
  const view = viewOf(projection, counters);
  if (entry) entry.last = { projection, counters, countersKey, view };
  return view;
}

async function projectionAt(store: GraphStore, version: number): Promise<Projection> {
  const cached = cache.get(store);
  if (cached) {
    const projection = await cached.projection.catch(() => null);
    if (projection && projection.version >= version) return projection;
  }
  const fresh = readProjection(store);
  cache.set(store, { projection: fresh, last: null });
  fresh.catch(() => cache.delete(store));
  return fresh;
}

/**
 * One store call (GraphStore.networkProjection, issue 13 item 1): every
 * stakeholder record at one version, instead of six paged list reads. Its
 * version is at least the counters' (they were read first).
 */
async function readProjection(store: GraphStore): Promise<Projection> {
  const { version, ...snapshot } = await store.networkProjection();
  return { version, snapshot, graph: buildStakeholderGraph({ ...snapshot, householdsByVillage: new Map() }) };
}

/**
 * The projection with the counters laid over it: village nodes of the graph
 * take the household counts (set in place: the graph is the projection's, and
 * its counts are always the latest read), services their active referrals.
 */
function viewOf(projection: Projection, counters: NetworkCounters): NetworkView {
  const householdsByVillage = new Map(counters.villages.map((v) => [v.villageId, { households: v.households, vulnerable: v.vulnerable }]));
  const { graph } = projection;
  for (const village of projection.snapshot.villages) {
    if (!graph.hasNode(village.id)) continue;
    const counts = householdsByVillage.get(village.id);
    graph.mergeNodeAttributes(village.id, { households: counts?.households ?? 0, vulnerableHouseholds: counts?.vulnerable ?? 0 });
  }
  const byService = new Map(counters.services.map((s) => [s.serviceId, s]));
  const services = projection.snapshot.services.map((service) => {
    const live = byService.get(service.id);
    return live === undefined || live.activeReferrals === service.activeReferrals ? service : { ...service, activeReferrals: live.activeReferrals };
  });
  const trackRecords = new Map<string, TrackRecord>(counters.services.map((s) => [s.serviceId, s.trackRecord]));
  return {
    version: projection.version,
    snapshot: { ...projection.snapshot, services, householdsByVillage },
    graph,
    trackRecords,
  };
}

/**
 * Counts of past referrals per service, folded with the one rule the stores
 * maintain their counters by (domain/referralTrackRecord): sent, accepted
 * (ever, unless declined later), resolved, declined, and declinedNoCapacity,
 * which never counts against reliability (domain/matching scoreMatch). The
 * network view reads the stores' counters; this is the reference they equal.
 */
export function trackRecordsOf(referrals: readonly Referral[]): Map<string, TrackRecord> {
  const records = new Map<string, ServiceTrackRecord>();
  for (const r of referrals) records.set(r.serviceId, addTrackRecords(records.get(r.serviceId) ?? EMPTY_TRACK_RECORD, referralTrackRecord(r)));
  return records;
}
