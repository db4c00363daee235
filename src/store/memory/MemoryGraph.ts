import type { AlertRecord } from '../../domain/Alert';
import { MemoryAlertTable } from './memoryAlerts';
import { MemoryWaitlistTable } from './memoryWaitlist';
import { MemoryPlanTable } from './memoryPlans';
import type { PlanRecord } from '../../domain/Plan';
import type { WaitlistEntry } from '../../domain/WaitlistEntry';
import { MultiDirectedGraph } from 'graphology';
import { ENTITY_KINDS, kindOfId, type EntityKind } from '../../domain/ids';
import type { AccountRecord } from '../../domain/Account';
import type { Category, EntityMap, Household, Marker, Relationship } from '../../domain/model';
import { badInput } from '../../errors/HuzhuError';
import type { SeedRun } from '../SeedRun';
import { NETWORK_KINDS, type FilterMap, type HouseholdFilter, type IdempotencyRecord, type NetworkCounters, type NetworkProjection, type VillageHouseholdStats } from '../GraphStore';
import { EMPTY_TRACK_RECORD, addTrackRecords, referralTrackRecord, type ServiceTrackRecord } from '../../domain/referralTrackRecord';
import { referenceTargets, uniqueKeyValues, type UniqueKeyValue } from '../storeHelpers';
import { SortedChunkList, compareIds } from './SortedChunkList';
import type { DirectoryMatch, HouseholdSearchScope } from '../GraphStore';
import type { SearchField } from '../../domain/matchRank';
import { rankDirectoryHits, rankSearchHits, type RankedPage, type SearchCursor } from '../../domain/rankSearchHits';
import { DIRECTORY_SEARCH_KINDS, directoryName, type DirectorySearchKind } from '../../domain/searchKeys';
import type { SearchQuery } from '../../domain/searchQuery';
import { SearchIndex } from './SearchIndex';

/**
 * The memory store's state: every record, the graph of references between
 * them, and the indexes its queries use. Pure and synchronous; MemoryStore
 * validates, journals and then calls `apply`, which never fails on valid ops.
 *
 * Shape:
 * - a graphology MultiDirectedGraph: one node per record (attributes: kind and
 *   the record), one edge per reference (household → village, need →
 *   household, person → village/township/organisation, ...; attribute: the
 *   field), and one edge per Relationship record (key: its id; attribute:
 *   the record). Audit events are a log, not part of the network: a map.
 * - per kind, the sorted ids (keyset pagination) and, per filter field, a
 *   sorted id list per value (villageId → households, category → services...).
 *   Filters that go through another record (a need's village, a household's
 *   township) are indexed too, and moved when that record changes.
 * - unique keys (householdCode, codes, (from,to,type), idempotencyKey) → id.
 * - households with score > 0 in rank order; per-village household counts.
 *
 * Records are stored as given and never mutated: a change replaces the object.
 */

export type AnyEntity = EntityMap[EntityKind];

/** One state change, as journaled and replayed. */
export type MemoryOp =
  | { o: 'put'; k: EntityKind; e: AnyEntity }
  | { o: 'categories'; rows: Category[] }
  | { o: 'idempotency'; r: IdempotencyRecord }
  | { o: 'account'; e: AccountRecord }
  | { o: 'alert'; a: AlertRecord }
  | { o: 'waitlist'; e: WaitlistEntry }
  | { o: 'unwaitlist'; serviceId: string; needId: string }
  | { o: 'plan'; e: PlanRecord }
  | { o: 'unplan'; id: string }
  | { o: 'seedRun'; run: SeedRun }
  | { o: 'clear' };

export interface NodeAttributes {
  /** Null when the id's prefix is unknown (only reachable through a dangling bulk-loaded reference). */
  kind: EntityKind | null;
  /** Null for a placeholder: a node referenced by a bulk-loaded record before it was loaded itself. */
  entity: AnyEntity | null;
}
export interface EdgeAttributes {
  /** The referring field for a reference edge; null for a Relationship edge. */
  field: string | null;
  relationship: Relationship | null;
}

export interface ListResult<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

type KeyFns<K extends EntityKind> = {
  [F in keyof Required<FilterMap[K]>]: (entity: EntityMap[K], graph: MemoryGraph) => readonly string[];
};

const NONE: readonly string[] = [];
const one = (value: string | null | undefined): readonly string[] => (value === null || value === undefined ? NONE : [value]);

/**
 * How each filter field of FilterMap reads a record; the mapped type makes a
 * filter without an index a compile error.
 */
const INDEXED_FIELDS: { [K in EntityKind]: KeyFns<K> } = {
  Township: { kind: (t) => [t.kind] },
  Village: { townshipId: (v) => [v.townshipId], type: (v) => [v.type] },
  Household: {
    villageId: (h) => [h.villageId],
    townshipId: (h, g) => one(g.get('Village', h.villageId)?.townshipId),
    marker: (h) => h.markers,
    ageBand: (h) => h.memberAgeBands,
    synthetic: (h) => [String(h.synthetic)],
    creditOfficerId: (h) => one(h.loan?.creditOfficerId),
  },
  Need: {
    householdId: (n) => [n.householdId],
    villageId: (n, g) => one(g.get('Household', n.householdId)?.villageId),
    townshipId: (n, g) => one(g.townshipOfVillage(g.get('Household', n.householdId)?.villageId)),
    category: (n) => [n.category],
    status: (n) => [n.status],
    urgency: (n) => [n.urgency],
  },
  Person: {
    role: (p) => p.roles,
    villageId: (p) => p.villageIds,
    townshipId: (p) => p.townshipIds,
    organizationId: (p) => one(p.organizationId),
  },
  Organization: { kind: (o) => [o.kind], townshipId: (o) => one(o.townshipId) },
  Service: {
    category: (s) => s.categories,
    organizationId: (s) => [s.organizationId],
    status: (s) => [s.status],
    online: (s) => [String(s.online)],
  },
  Relationship: {
    nodeId: (r) => [r.fromId, r.toId],
    fromId: (r) => [r.fromId],
    toId: (r) => [r.toId],
    status: (r) => [r.status],
    type: (r) => [r.type],
  },
  Referral: {
    needId: (r) => [r.needId],
    serviceId: (r) => [r.serviceId],
    organizationId: (r) => [r.organizationId],
    householdId: (r) => [r.householdId],
    status: (r) => [r.status],
    reason: (r) => one(r.reason),
  },
  Assistance: { needId: (a) => [a.needId], referralId: (a) => one(a.referralId) },
  Consent: { householdId: (c) => [c.householdId] },
  AuditEvent: { actorId: (a) => [a.actorId], entityId: (a) => [a.entityId], action: (a) => [a.action] },
};

interface KindTable {
  ids: SortedChunkList<string>;
  /** field → value → sorted ids */
  fields: Map<string, Map<string, SortedChunkList<string>>>;
}

interface RankEntry {
  score: number;
  id: string;
}
const compareRank = (a: RankEntry, b: RankEntry): number => b.score - a.score || compareIds(a.id, b.id);

interface VillageTally {
  households: number;
  vulnerable: number;
  byMarker: Map<Marker, number>;
}

export class MemoryGraph {
  /** The store version after the last applied write. */
  version = 0;
  /** Writes that only appended audit events: they change no data, so the data version skips them. */
  auditOnlyWrites = 0;
  /**
   * GraphStore.version(): bumped by an applied write that changes a record of
   * NETWORK_KINDS (a service's activeReferrals, which the store maintains,
   * does not count) or clears the store; never by household, need, referral,
   * assistance, consent, account, audit or seed-record writes.
   */
  networkVersion = 0;
  /** Track record per service (domain/referralTrackRecord), maintained by every referral put. */
  private serviceTallies = new Map<string, ServiceTrackRecord>();

  private graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  private audit = new Map<string, EntityMap['AuditEvent']>();
  private tables = MemoryGraph.emptyTables();
  private unique = new Map<string, Map<string, string>>();
  private ranked = new SortedChunkList<RankEntry>(compareRank);
  private tallies = new Map<string, VillageTally>();
  private categories = new Map<string, Category>();
  /** The seed's progress record (GraphStore.getSeedRun), not an entity. */
  seedRun: SeedRun | null = null;
  /**
   * Names, pinyin, phones and codes of the searchable kinds (SearchIndex): built
   * on the first search (not at load: computing pinyin for 10,000 names would
   * add ~0.3 s to every start), then maintained by every write.
   */
  private search: SearchIndex | null = null;
  /** Idempotency keys of retryable writes (GraphStore.create/transitionReferral): key → what it made. */
  private idempotency = new Map<string, IdempotencyRecord>();
  /** Sign-in accounts (not part of the network): by id, id order for pages, and login → id. */
  private accounts = new Map<string, AccountRecord>();
  private accountIds = new SortedChunkList<string>(compareIds);
  private accountLogins = new Map<string, string>();
  /** Pushed alerts (issue 15 item 5; not part of the network): memoryAlerts.ts. */
  readonly alerts = new MemoryAlertTable();
  /** Waiting lists (issue 14 item 3; not part of the network): memoryWaitlist.ts. */
  readonly waitlist = new MemoryWaitlistTable();
  /** Saved plans (issue 12 item 3; not part of the network): memoryPlans.ts. */
  readonly plans = new MemoryPlanTable();
  /** Index additions deferred during one apply, merged in bulk at its end (keyed by list). */
  private pending: Map<object, PendingAdds> | null = null;

  // -- reads -------------------------------------------------------------------

  get<K extends EntityKind>(kind: K, id: string): EntityMap[K] | undefined {
    if (kind === 'AuditEvent') return this.audit.get(id) as EntityMap[K] | undefined;
    if (kind === 'Relationship') {
      if (!this.graph.hasEdge(id)) return undefined;
      return (this.graph.getEdgeAttributes(id).relationship ?? undefined) as EntityMap[K] | undefined;
    }
    if (!this.graph.hasNode(id)) return undefined;
    const node = this.graph.getNodeAttributes(id);
    return node.kind === kind && node.entity !== null ? (node.entity as EntityMap[K]) : undefined;
  }

  /** The record an id names, whatever its kind (by the id's prefix). */
  getById(id: string): AnyEntity | undefined {
    const kind = kindOfId(id);
    return kind === null ? undefined : this.get(kind, id);
  }

  townshipOfVillage(villageId: string | undefined): string | undefined {
    return villageId === undefined ? undefined : this.get('Village', villageId)?.townshipId;
  }

  count(kind: EntityKind): number {
    return this.tables[kind].ids.size;
  }

  /** The id holding a unique key (UNIQUE_KEYS name, or 'idempotencyKey' for referrals). */
  holderOf(kind: EntityKind, key: string, value: string): string | undefined {
    return this.unique.get(`${kind}:${key}`)?.get(value);
  }

  /** Unique keys a record holds: UNIQUE_KEYS plus a referral's idempotency key. */
  uniqueKeysOf(kind: EntityKind, entity: AnyEntity): UniqueKeyValue[] {
    const held = uniqueKeyValues(kind, entity);
    if (kind === 'Referral') {
      held.push({ key: 'idempotencyKey', value: (entity as EntityMap['Referral']).idempotencyKey, path: ['idempotencyKey'] });
    }
    return held;
  }

  /** Records of one kind in id order (snapshots). */
  *entities<K extends EntityKind>(kind: K): Generator<EntityMap[K], void, undefined> {
    for (const id of this.tables[kind].ids.values()) {
      const entity = this.get(kind, id);
      if (entity !== undefined) yield entity;
    }
  }

  getAccount(id: string): AccountRecord | undefined {
    return this.accounts.get(id);
  }

  accountIdByLogin(login: string): string | undefined {
    return this.accountLogins.get(login);
  }

  /** One page of accounts in id order after `after`, and how many there are. */
  listAccounts(first: number, after: string | null): ListResult<AccountRecord> {
    const items: AccountRecord[] = [];
    let hasNextPage = false;
    for (const id of this.accountIds.valuesAfter(after ?? undefined)) {
      if (items.length === first) {
        hasNextPage = true;
        break;
      }
      items.push(this.accounts.get(id) as AccountRecord);
    }
    return { items, totalCount: this.accountIds.size, hasNextPage };
  }

  /** Every account in id order (snapshots). */
  *allAccounts(): Generator<AccountRecord, void, undefined> {
    for (const id of this.accountIds.values()) yield this.accounts.get(id) as AccountRecord;
  }

  idempotencyRecord(key: string): IdempotencyRecord | undefined {
    return this.idempotency.get(key);
  }

  /** Every recorded idempotency key (snapshots). */
  allIdempotencyRecords(): IterableIterator<IdempotencyRecord> {
    return this.idempotency.values();
  }

  listCategories(): Category[] {
    return [...this.categories.values()].sort((a, b) => compareIds(a.code, b.code));
  }

  /**
   * One page of `kind` in id order after `after`, plus the size of the whole
   * filtered set. Walks the smallest index list among the given filters and
   * checks the others by membership, so the cost follows the narrowest filter.
   */
  list<K extends EntityKind>(kind: K, filter: FilterMap[K], first: number, after: string | null): ListResult<EntityMap[K]> {
    const lists = this.listsFor(kind, filter);
    if (lists === null) return { items: [], totalCount: 0, hasNextPage: false };
    const base = smallest(lists) ?? this.tables[kind].ids;
    const others = lists.filter((list) => list !== base);
    const matches = (id: string) => others.every((list) => list.has(id));

    const items: Array<EntityMap[K]> = [];
    let hasNextPage = false;
    for (const id of base.valuesAfter(after ?? undefined)) {
      if (!matches(id)) continue;
      if (items.length === first) {
        hasNextPage = true;
        break;
      }
      const entity = this.get(kind, id);
      if (entity !== undefined) items.push(entity);
    }
    let totalCount = base.size;
    if (others.length > 0) {
      totalCount = 0;
      for (const id of base.values()) if (matches(id)) totalCount += 1;
    }
    return { items, totalCount, hasNextPage };
  }

  /** Households with score > 0, by score desc then id asc, that match `filter`. */
  topVulnerable(limit: number, filter: HouseholdFilter): Household[] {
    if (limit <= 0) return [];
    const lists = this.listsFor('Household', filter);
    if (lists === null) return [];
    const base = smallest(lists);
    const take: Household[] = [];
    // A narrow filter (a village) ranks its few households; a broad one walks the global ranking.
    if (base !== undefined && base.size * 4 < this.ranked.size) {
      const others = lists.filter((list) => list !== base);
      const candidates: RankEntry[] = [];
      for (const id of base.values()) {
        const household = this.get('Household', id);
        if (household && household.vulnerabilityScore > 0 && others.every((list) => list.has(id))) {
          candidates.push({ score: household.vulnerabilityScore, id });
        }
      }
      candidates.sort(compareRank);
      for (const { id } of candidates.slice(0, limit)) take.push(this.get('Household', id) as Household);
      return take;
    }
    for (const entry of this.ranked.values()) {
      if (!lists.every((list) => list.has(entry.id))) continue;
      take.push(this.get('Household', entry.id) as Household);
      if (take.length === limit) break;
    }
    return take;
  }

  /** One ranked page of households matching `query` on `fields` within `scope` (rankSearchHits orders it). */
  searchHouseholds(query: SearchQuery, fields: readonly SearchField[], scope: HouseholdSearchScope, page: { first: number; after: SearchCursor | null }): RankedPage {
    const villages = scope.villageIds === null ? null : new Set(scope.villageIds);
    const townships = scope.townshipIds === null ? null : new Set(scope.townshipIds);
    const inScope = (id: string) => {
      const household = this.get('Household', id);
      if (household === undefined) return false;
      if (villages !== null && !villages.has(household.villageId)) return false;
      return townships === null || townships.has(this.townshipOfVillage(household.villageId) ?? '');
    };
    const candidates = this.searchIndex().householdCandidates(query, fields).filter((c) => inScope(c.id));
    return rankSearchHits(query, fields, candidates, page);
  }

  /** The best `limit` directory records of `kinds` matching `query` by name. */
  searchDirectory(query: SearchQuery, kinds: readonly DirectorySearchKind[], limit: number): DirectoryMatch[] {
    const wanted = new Set<string>(kinds);
    const candidates = this.searchIndex()
      .directoryCandidates(query)
      .filter((c) => wanted.has(c.kind))
      .flatMap((c) => {
        const kind = c.kind as DirectorySearchKind;
        const entity = this.get(kind, c.id);
        return entity === undefined ? [] : [{ ...c, kind, name: directoryName(kind, entity) }];
      });
    return rankDirectoryHits(query, candidates, limit).map((hit) => ({ kind: hit.kind, id: hit.id, name: hit.name, rank: hit.rank }));
  }

  /** Build the search index now (MemoryStore does, just after a load) rather than on the first search. */
  prepareSearch(): void {
    this.searchIndex();
  }

  /** The search index, built from every searchable record the first time it is needed. */
  private searchIndex(): SearchIndex {
    if (this.search === null) {
      const index = new SearchIndex();
      for (const kind of ['Household', ...DIRECTORY_SEARCH_KINDS] as const) {
        for (const entity of this.entities(kind)) index.put(kind, entity, undefined);
      }
      this.search = index;
    }
    return this.search;
  }

  householdStatsByVillage(): VillageHouseholdStats[] {
    return [...this.tallies.entries()]
      .filter(([, tally]) => tally.households > 0)
      .sort(([a], [b]) => compareIds(a, b))
      .map(([villageId, tally]) => ({
        villageId,
        households: tally.households,
        vulnerable: tally.vulnerable,
        byMarker: Object.fromEntries([...tally.byMarker].filter(([, n]) => n > 0)),
      }));
  }

  // -- writes ------------------------------------------------------------------

  /** Applies validated ops as one step and sets the version. */
  apply(ops: readonly MemoryOp[], version: number): void {
    this.countersAt = null;
    this.pending = new Map();
    try {
      for (const op of ops) {
        switch (op.o) {
          case 'put':
            this.put(op.k, op.e);
            break;
          case 'categories':
            for (const row of op.rows) this.categories.set(row.code, row);
            break;
          case 'idempotency':
            this.idempotency.set(op.r.key, op.r);
            break;
          case 'account':
            this.putAccount(op.e);
            break;
          case 'alert':
            this.alerts.put(op.a);
            break;
          case 'waitlist':
            this.waitlist.put(op.e);
            break;
          case 'unwaitlist':
            this.waitlist.remove(op.serviceId, op.needId);
            break;
          case 'plan':
            this.plans.put(op.e);
            break;
          case 'unplan':
            this.plans.remove(op.id);
            break;
          case 'seedRun':
            this.seedRun = op.run;
            break;
          case 'clear':
            this.clear();
            break;
          default: {
            const never: never = op;
            throw new Error(`store/memory: unknown op ${JSON.stringify(never)}`);
          }
        }
      }
    } finally {
      this.flushAll();
      this.pending = null;
    }
    this.version = version;
    if (ops.some((op) => this.changesNetwork(op))) this.networkVersion += 1;
    // Audit appends and account writes change no data that caches hold (GraphStore.version()).
    if (ops.every((op) => (op.o === 'put' && op.k === 'AuditEvent') || op.o === 'account' || op.o === 'alert' || op.o === 'plan' || op.o === 'unplan' || op.o === 'seedRun')) this.auditOnlyWrites += 1;
  }

  /** Bumped by every write that changes data (not by audit appends): what caches key on. */
  get dataVersion(): number {
    return this.version - this.auditOnlyWrites;
  }

  /**
   * The store-maintained counters (GraphStore.networkCounters), read from the
   * tallies: no aggregation. Kept (frozen) until the next applied write, so
   * the reads between two writes share one object and the network view can
   * tell by identity that nothing moved.
   */
  networkCounters(): NetworkCounters {
    if (this.countersAt?.version === this.version) return this.countersAt.counters;
    const counters = deepFreeze(this.readCounters());
    this.countersAt = { version: this.version, counters };
    return counters;
  }

  private countersAt: { version: number; counters: NetworkCounters } | null = null;

  private readCounters(): NetworkCounters {
    const villages = [...this.tallies.entries()]
      .filter(([, tally]) => tally.households > 0)
      .sort(([a], [b]) => compareIds(a, b))
      .map(([villageId, tally]) => ({ villageId, households: tally.households, vulnerable: tally.vulnerable }));
    const services = this.idsIn(this.tables.Service.ids).map((serviceId) => ({
      serviceId,
      activeReferrals: (this.get('Service', serviceId) as EntityMap['Service']).activeReferrals,
      trackRecord: { ...(this.serviceTallies.get(serviceId) ?? EMPTY_TRACK_RECORD) },
    }));
    return { version: this.networkVersion, villages, services };
  }

  /**
   * GraphStore.networkProjection: every record of the network kinds, each kind
   * by id ascending (the order list() pages in), in one pass over their id
   * lists: no filter lists, no counts. Synchronous, so at one networkVersion.
   */
  networkProjection(): NetworkProjection {
    const all = <K extends EntityKind>(kind: K): Array<EntityMap[K]> =>
      this.idsIn(this.tables[kind].ids).flatMap((id) => {
        const entity = this.get(kind, id);
        return entity === undefined ? [] : [entity];
      });
    return {
      version: this.networkVersion,
      townships: all('Township'),
      villages: all('Village'),
      people: all('Person'),
      organizations: all('Organization'),
      services: all('Service'),
      relationships: all('Relationship'),
    };
  }

  /** Whether applied `op` changed the stakeholder projection (put() marks such records in networkPuts). */
  private changesNetwork(op: MemoryOp): boolean {
    if (op.o === 'clear') return true;
    return op.o === 'put' && this.networkPuts.has(op.e);
  }

  /** Puts of NETWORK_KINDS in the current apply that changed more than a service's activeReferrals. */
  private networkPuts = new WeakSet<object>();

  // Private: one record in, every structure updated.

  private putAccount(account: AccountRecord): void {
    const old = this.accounts.get(account.id);
    if (old === undefined) this.accountIds.add(account.id);
    else if (this.accountLogins.get(old.login) === account.id) this.accountLogins.delete(old.login);
    this.accounts.set(account.id, account);
    this.accountLogins.set(account.login, account.id);
  }

  private put<K extends EntityKind>(kind: K, entity: EntityMap[K]): void {
    const id = entity.id;
    const old = this.get(kind, id);
    if (NETWORK_KINDS.includes(kind) && !onlyActiveReferralsChanged(kind, old, entity)) this.networkPuts.add(entity);
    if (kind === 'Referral') this.referralChanged(old as EntityMap['Referral'] | undefined, entity as EntityMap['Referral']);
    const oldKeys = old === undefined ? null : this.indexKeys(kind, old);

    this.storeRecord(kind, entity, old);
    this.search?.put(kind, entity, old);

    const fields = this.tables[kind].fields;
    const newKeys = this.indexKeys(kind, entity);
    for (const [field, keys] of newKeys) {
      const byValue = fields.get(field) as Map<string, SortedChunkList<string>>;
      const before = oldKeys?.get(field) ?? NONE;
      for (const key of before) if (!keys.includes(key)) this.removeFrom(listOf(byValue, key), id);
      for (const key of keys) if (!before.includes(key)) this.addTo(listOf(byValue, key), id);
    }
    if (old === undefined) this.addTo(this.tables[kind].ids, id);

    const oldUnique = old === undefined ? [] : this.uniqueKeysOf(kind, old);
    for (const held of oldUnique) {
      const holders = this.unique.get(`${kind}:${held.key}`);
      if (holders?.get(held.value) === id) holders.delete(held.value);
    }
    for (const held of this.uniqueKeysOf(kind, entity)) {
      let holders = this.unique.get(`${kind}:${held.key}`);
      if (holders === undefined) this.unique.set(`${kind}:${held.key}`, (holders = new Map<string, string>()));
      holders.set(held.value, id);
    }

    if (kind === 'Household') this.householdChanged(old as Household | undefined, entity as Household);
    if (kind === 'Village') this.villageChanged(old as EntityMap['Village'] | undefined, entity as EntityMap['Village']);
  }

  /** The index keys of a record per filter field, deduplicated. */
  private indexKeys<K extends EntityKind>(kind: K, entity: EntityMap[K]): Map<string, readonly string[]> {
    const keys = new Map<string, readonly string[]>();
    const fns = INDEXED_FIELDS[kind] as Record<string, (e: EntityMap[K], g: MemoryGraph) => readonly string[]>;
    for (const field in fns) {
      const values = (fns[field] as (e: EntityMap[K], g: MemoryGraph) => readonly string[])(entity, this);
      keys.set(field, values.length > 1 ? [...new Set(values)] : values);
    }
    return keys;
  }

  private storeRecord(kind: EntityKind, entity: AnyEntity, old: AnyEntity | undefined): void {
    const id = entity.id;
    if (kind === 'AuditEvent') {
      this.audit.set(id, entity as EntityMap['AuditEvent']);
      return;
    }
    if (kind === 'Relationship') {
      const relationship = entity as Relationship;
      if (this.graph.hasEdge(id)) {
        if (this.graph.source(id) === relationship.fromId && this.graph.target(id) === relationship.toId) {
          this.graph.replaceEdgeAttributes(id, { field: null, relationship });
          return;
        }
        this.graph.dropEdge(id);
      }
      this.ensureNode(relationship.fromId);
      this.ensureNode(relationship.toId);
      this.graph.addEdgeWithKey(id, relationship.fromId, relationship.toId, { field: null, relationship });
      return;
    }
    if (this.graph.hasNode(id)) this.graph.replaceNodeAttributes(id, { kind, entity });
    else this.graph.addNode(id, { kind, entity });

    const before = old === undefined ? new Map<string, ReferenceEdge>() : this.referenceEdges(kind, old);
    const after = this.referenceEdges(kind, entity);
    for (const edgeKey of before.keys()) if (!after.has(edgeKey)) this.graph.dropEdge(edgeKey);
    for (const [edgeKey, { field, target }] of after) {
      if (before.has(edgeKey)) continue;
      this.ensureNode(target);
      this.graph.addEdgeWithKey(edgeKey, id, target, { field, relationship: null });
    }
  }

  /** Reference edges a node record makes, by edge key `id>field>target`. */
  private referenceEdges(kind: EntityKind, entity: AnyEntity): Map<string, ReferenceEdge> {
    const edges = new Map<string, ReferenceEdge>();
    if (kind === 'AuditEvent' || kind === 'Relationship') return edges;
    for (const { field, id: target } of referenceTargets(kind, entity)) {
      if (kindOfId(target) === null) continue;
      edges.set(`${entity.id}>${field}>${target}`, { field, target });
    }
    return edges;
  }

  private ensureNode(id: string): void {
    if (!this.graph.hasNode(id)) this.graph.addNode(id, { kind: kindOfId(id), entity: null });
  }

  private householdChanged(old: Household | undefined, household: Household): void {
    if (old !== undefined) this.tally(old, -1);
    this.tally(household, +1);
    if (old !== undefined && old.vulnerabilityScore > 0) this.removeFrom(this.ranked, { score: old.vulnerabilityScore, id: old.id });
    if (household.vulnerabilityScore > 0) this.addTo(this.ranked, { score: household.vulnerabilityScore, id: household.id });

    // A household that moves takes its needs' village and township filters with it.
    if (old !== undefined && old.villageId === household.villageId) return;
    const needs = this.tables.Need.fields;
    const needIds = this.idsIn(this.valueList('Need', 'householdId', household.id));
    const from = { village: old?.villageId, township: this.townshipOfVillage(old?.villageId) };
    const to = { village: household.villageId, township: this.townshipOfVillage(household.villageId) };
    for (const needId of needIds) {
      this.moveKey(needs.get('villageId'), needId, from.village, to.village);
      this.moveKey(needs.get('townshipId'), needId, from.township, to.township);
    }
  }

  private villageChanged(old: EntityMap['Village'] | undefined, village: EntityMap['Village']): void {
    if (old !== undefined && old.townshipId === village.townshipId) return;
    // Households and needs are filtered by township through their village: move them along.
    const households = this.idsIn(this.valueList('Household', 'villageId', village.id));
    for (const id of households) this.moveKey(this.tables.Household.fields.get('townshipId'), id, old?.townshipId, village.townshipId);
    const needs = this.idsIn(this.valueList('Need', 'villageId', village.id));
    for (const id of needs) this.moveKey(this.tables.Need.fields.get('townshipId'), id, old?.townshipId, village.townshipId);
  }

  private referralChanged(old: EntityMap['Referral'] | undefined, referral: EntityMap['Referral']): void {
    if (old !== undefined) this.tallyReferral(old.serviceId, referralTrackRecord(old), -1);
    this.tallyReferral(referral.serviceId, referralTrackRecord(referral), +1);
  }

  private tallyReferral(serviceId: string, contribution: ServiceTrackRecord, sign: 1 | -1): void {
    this.serviceTallies.set(serviceId, addTrackRecords(this.serviceTallies.get(serviceId) ?? EMPTY_TRACK_RECORD, contribution, sign));
  }

  private tally(household: Household, sign: 1 | -1): void {
    let tally = this.tallies.get(household.villageId);
    if (tally === undefined) this.tallies.set(household.villageId, (tally = { households: 0, vulnerable: 0, byMarker: new Map() }));
    tally.households += sign;
    if (household.vulnerabilityScore > 0) tally.vulnerable += sign;
    for (const marker of household.markers) tally.byMarker.set(marker, (tally.byMarker.get(marker) ?? 0) + sign);
    if (tally.households === 0) this.tallies.delete(household.villageId);
  }

  private moveKey(byValue: Map<string, SortedChunkList<string>> | undefined, id: string, from: string | undefined, to: string | undefined): void {
    if (byValue === undefined || from === to) return;
    if (from !== undefined) this.removeFrom(listOf(byValue, from), id);
    if (to !== undefined) this.addTo(listOf(byValue, to), id);
  }

  private valueList(kind: EntityKind, field: string, value: string): SortedChunkList<string> | undefined {
    return this.tables[kind].fields.get(field)?.get(value);
  }

  /** The index lists for a filter; null when a given value has no record at all (an empty result). */
  private listsFor<K extends EntityKind>(kind: K, filter: FilterMap[K]): Array<SortedChunkList<string>> | null {
    const lists: Array<SortedChunkList<string>> = [];
    const fields = this.tables[kind].fields;
    for (const [field, value] of Object.entries(filter ?? {})) {
      if (value === undefined || value === null) continue;
      const byValue = fields.get(field);
      if (byValue === undefined) {
        throw badInput(`store/memory: ${kind} cannot be filtered by "${field}"; filters are ${[...fields.keys()].join(', ')}`, [
          'filter',
          field,
        ]);
      }
      const list = byValue.get(String(value));
      if (list === undefined || list.size === 0) return null;
      lists.push(list);
    }
    return lists;
  }

  private clear(): void {
    this.graph.clear();
    this.audit.clear();
    this.tables = MemoryGraph.emptyTables();
    this.unique.clear();
    this.ranked.clear();
    this.tallies.clear();
    this.serviceTallies.clear();
    this.categories.clear();
    this.seedRun = null;
    this.search = null;
    this.idempotency.clear();
    this.accounts.clear();
    this.accountIds.clear();
    this.accountLogins.clear();
    this.alerts.clear();
    this.waitlist.clear();
    this.plans.clear();
    this.pending = this.pending === null ? null : new Map();
  }

  // Private: deferred index additions, so a bulk load merges sorted batches.

  private addTo<T>(list: SortedChunkList<T>, value: T): void {
    if (this.pending === null) {
      list.add(value);
      return;
    }
    let queued = this.pending.get(list);
    if (queued === undefined) {
      const values: T[] = [];
      queued = { values, flush: () => list.addMany(values) };
      this.pending.set(list, queued);
    }
    (queued.values as T[]).push(value);
  }

  private removeFrom<T>(list: SortedChunkList<T>, value: T): void {
    this.flush(list);
    list.delete(value);
  }

  /** Ids in a list, with this apply's deferred additions included. */
  private idsIn(list: SortedChunkList<string> | undefined): string[] {
    if (list === undefined) return [];
    this.flush(list);
    return [...list.values()];
  }

  private flush(list: object): void {
    const queued = this.pending?.get(list);
    if (queued === undefined) return;
    this.pending?.delete(list);
    queued.flush();
  }

  private flushAll(): void {
    if (this.pending === null) return;
    for (const queued of this.pending.values()) queued.flush();
    this.pending.clear();
  }

  private static emptyTables(): Record<EntityKind, KindTable> {
    const tables = {} as Record<EntityKind, KindTable>;
    for (const kind of ENTITY_KINDS) {
      tables[kind] = {
        ids: new SortedChunkList<string>(compareIds),
        fields: new Map(Object.keys(INDEXED_FIELDS[kind]).map((field) => [field, new Map<string, SortedChunkList<string>>()])),
      };
    }
    return tables;
  }
}

interface PendingAdds {
  values: unknown[];
  flush(): void;
}

interface ReferenceEdge {
  field: string;
  target: string;
}

function listOf(byValue: Map<string, SortedChunkList<string>>, key: string): SortedChunkList<string> {
  let list = byValue.get(key);
  if (list === undefined) byValue.set(key, (list = new SortedChunkList<string>(compareIds)));
  return list;
}

function smallest(lists: ReadonlyArray<SortedChunkList<string>>): SortedChunkList<string> | undefined {
  let best: SortedChunkList<string> | undefined;
  for (const list of lists) if (best === undefined || list.size < best.size) best = list;
  return best;
}

/**
 * A put of a record that is already stored as it is, or of a service whose
 * only change is activeReferrals (claims and releases, which the store
 * maintains and networkCounters reports), leaves the projection as it was.
 */
function onlyActiveReferralsChanged(kind: EntityKind, old: unknown, entity: unknown): boolean {
  if (old === undefined) return false;
  if (kind !== 'Service') return JSON.stringify(old) === JSON.stringify(entity);
  const before = old as EntityMap['Service'];
  return JSON.stringify({ ...before, activeReferrals: 0 }) === JSON.stringify({ ...(entity as EntityMap['Service']), activeReferrals: 0 });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
