import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isIdOf, kindOfId, type EntityKind } from '../../domain/ids';
import type { Category, EntityMap, NeedStatus, Referral, ReferralStatus, ReferralTransition, RelationshipType } from '../../domain/model';
import { HuzhuError, badInput } from '../../errors/HuzhuError';
import {
  ACTIVE_REFERRAL_STATUSES,
  MAX_BULK_PAGE,
  NOT_COUNTED,
  type FilterMap,
  type GraphStore,
  type HouseholdFilter,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type InsertNewOptions,
  type MutableKind,
  type NeedMatchContext,
  type NetworkCounters,
  type NetworkProjection,
  type AlertListQuery,
  type Page,
  type PageRequest,
  type PlanApplication,
  type VillageHouseholdStats,
} from '../GraphStore';
import { assertSameIdempotentRequest, isStakeholderId, referenceTargets, uniqueKeyValues, type ReferenceTarget } from '../storeHelpers';
import { validateCategory, validateEntity } from '../validateEntity';
import { notNewConflict } from '../notNewConflict';
import type { AccountRecord } from '../../domain/Account';
import type { AlertDelivery, AlertRecord } from '../../domain/Alert';
import { planAlertDelivery, planMarkAlertsRead, planRecordAlert } from './memoryAlerts';
import type { WaitlistEntry } from '../../domain/WaitlistEntry';
import { planJoinWaitlist, planLeaveWaitlist, planSettleWaitlist, settleOpsAfter, waitlistOpsForReferral } from './memoryWaitlist';
import { MAX_PAGE_SIZE, type DirectoryMatch, type HouseholdSearchScope, type PlanningNeedFilter, type PlanningNeedPage, type PlanningNeedRow, type SearchPage } from '../GraphStore';
import type { SearchField } from '../../domain/matchRank';
import type { SearchCursor } from '../../domain/rankSearchHits';
import type { DirectorySearchKind } from '../../domain/searchKeys';
import type { SearchQuery } from '../../domain/searchQuery';
import { cloneJson } from './cloneJson';
import type { PlanRecord } from '../../domain/Plan';
import { assertWritablePlan, atPlanWrite, planAfterApply } from '../planStoreRules';
import { existing as existingPlan, planCreatePlan, planDeletePlan, planUpdatePlan } from './memoryPlans';
import { planCreateAccount, planEndSessions, planLogin, planLoginFailure, planUpdateAccount } from './memoryAccounts';
import { NO_LOGIN_FAILURES, failuresAfter, type LoginFailureRecord } from '../accountWrites';
import { parseInput } from '../../errors/fromZodError';
import { SeedRun } from '../SeedRun';
import { acquireDirectoryLock } from './fileLock';
import { Journal, JournalBrokenError, replayJournal } from './Journal';
import { MemoryGraph, type AnyEntity, type MemoryOp } from './MemoryGraph';
import { MutationQueue } from './MutationQueue';
import { readSnapshot, syncDirectory, writeSnapshot } from './snapshot';

/** At most this many unknown login names are remembered (the oldest forgotten first). */
const MAX_LOGIN_NAME_FAILURES = 100_000;

export interface MemoryStoreOptions {
  /** Where the journal and snapshot live; null keeps everything in memory (tests). */
  dataDir: string | null;
  /**
   * Compact the journal into the snapshot once it passes this many bytes
   * (default 64 MiB) and is larger than the last snapshot: rewriting a big
   * snapshot for a small journal would make bulk loads quadratic.
   */
  compactAfterBytes?: number;
  /**
   * Told about a background compaction that failed; the journal still holds
   * every write, and the next write past the threshold retries. Default: a
   * process warning.
   */
  onCompactionError?: (error: unknown) => void;
}

export const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;
export const JOURNAL_FILE = 'journal.jsonl';
export const SNAPSHOT_FILE = 'snapshot.jsonl';

type Lifecycle =
  | { status: 'new' }
  | { status: 'opening'; ready: Promise<void> }
  | { status: 'open'; journal: Journal | null; unlock: () => Promise<void> }
  | { status: 'closed' };

/** What a write plans after validating: the ops to journal and apply, and its result once applied. */
interface Planned<T> {
  ops: MemoryOp[];
  result: () => T;
}

/**
 * The embedded GraphStore: every record in memory (MemoryGraph), every write
 * journaled to disk before it is acknowledged (Journal), the journal folded
 * into a snapshot now and then and on close. It is the default store when
 * NEO4J_URI is unset and must agree with the Neo4j adapter on every rule of
 * the port (test/contract/graphStoreContract.ts).
 *
 * Writes run one at a time through a queue: validate against the current
 * state, journal, apply. Reads run at once on the last applied state, so they
 * never see a write that is not yet on disk. Records are copied in and out.
 */
export class MemoryStore implements GraphStore {
  readonly kind = 'memory' as const;

  private state = new MemoryGraph();
  private readonly queue = new MutationQueue();
  private lifecycle: Lifecycle;
  /** Set when a write may have left the journal or memory inconsistent; writes then fail until restart. */
  private broken: Error | null = null;
  private compactionQueued = false;
  /** Size of the snapshot on disk, the other half of the compaction rule. */
  private snapshotBytes = 0;
  private readonly dataDir: string | null;
  private readonly compactAfterBytes: number;
  private readonly onCompactionError: (error: unknown) => void;

  constructor(options: MemoryStoreOptions) {
    this.dataDir = options.dataDir;
    this.compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
    this.onCompactionError =
      options.onCompactionError ??
      ((error) => process.emitWarning(`store/memory: background compaction failed, will retry: ${(error as Error)?.message ?? String(error)}`));
    if (!(this.compactAfterBytes > 0)) {
      throw new Error(`store/memory: compactAfterBytes must be positive, got ${this.compactAfterBytes}`);
    }
    // Purely in memory there is nothing to load: usable without init().
    this.lifecycle = this.dataDir === null ? { status: 'open', journal: null, unlock: async () => undefined } : { status: 'new' };
  }

  // -- lifecycle ---------------------------------------------------------------

  async init(): Promise<void> {
    switch (this.lifecycle.status) {
      case 'open':
        return;
      case 'opening':
        return this.lifecycle.ready;
      case 'new':
      case 'closed': {
        if (this.dataDir === null) {
          this.lifecycle = { status: 'open', journal: null, unlock: async () => undefined };
          return;
        }
        const ready = this.open(this.dataDir);
        this.lifecycle = { status: 'opening', ready };
        try {
          await ready;
        } catch (error) {
          this.lifecycle = { status: 'closed' };
          throw error;
        }
        return;
      }
      default:
        return assertNever(this.lifecycle);
    }
  }

  async close(): Promise<void> {
    if (this.lifecycle.status === 'opening') await this.lifecycle.ready.catch(() => undefined);
    const current = this.lifecycle;
    if (current.status !== 'open') {
      this.lifecycle = { status: 'closed' };
      return;
    }
    await this.queue.run(async () => {
      this.lifecycle = { status: 'closed' };
      let failure: unknown = null;
      if (current.journal !== null) {
        try {
          if (current.journal.size > 0 && this.broken === null) await this.compact(current.journal);
        } catch (error) {
          failure = error;
        }
        await current.journal.close();
      }
      await current.unlock();
      if (failure !== null) {
        throw new HuzhuError('UNAVAILABLE', `store/memory: closed, but the final compaction failed (the journal still holds every write): ${(failure as Error).message}`, {
          cause: failure,
        });
      }
    });
  }

  async ping(): Promise<void> {
    this.readable();
    if (this.broken !== null) throw this.unavailable('cannot accept writes', this.broken);
  }

  async version(): Promise<number> {
    return this.readable().networkVersion;
  }

  async networkCounters(): Promise<NetworkCounters> {
    return this.readable().networkCounters();
  }

  async networkProjection(): Promise<NetworkProjection> {
    return cloneJson(this.readable().networkProjection());
  }

  /**
   * Drops every record and category (journaled like any write; the version
   * keeps counting up). Not part of the port: for tests and fresh reseeds.
   */
  async clear(): Promise<void> {
    await this.write(() => ({ ops: [{ o: 'clear' }], result: () => undefined }));
    this.#loginNameFailures.clear();
  }

  // -- reads -------------------------------------------------------------------

  async getMany<K extends EntityKind>(kind: K, ids: readonly string[]): Promise<Array<EntityMap[K] | null>> {
    const state = this.readable();
    return ids.map((id) => {
      const entity = kindOfId(id) === kind ? state.get(kind, id) : undefined;
      return entity === undefined ? null : cloneJson(entity);
    });
  }

  async list<K extends EntityKind>(kind: K, filter: FilterMap[K], page: PageRequest): Promise<Page<EntityMap[K]>> {
    const state = this.readable();
    const first = page.first;
    if (!Number.isInteger(first) || first < 0 || first > MAX_BULK_PAGE) {
      throw badInput(`store/memory: list ${kind}: first must be an integer from 0 to ${MAX_BULK_PAGE}, got ${first}`, ['first']);
    }
    const result = state.list(kind, filter, first, page.after ?? null);
    const items = result.items.map((item) => cloneJson(item));
    const last = items[items.length - 1];
    const totalCount = page.count === false ? NOT_COUNTED : result.totalCount;
    return { items, totalCount, hasNextPage: result.hasNextPage, endCursor: last === undefined ? null : last.id };
  }

  async listCategories(): Promise<Category[]> {
    return this.readable().listCategories().map((c) => cloneJson(c));
  }

  async topVulnerableHouseholds(limit: number, filter: HouseholdFilter): Promise<Array<EntityMap['Household']>> {
    const state = this.readable();
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_BULK_PAGE) {
      throw badInput(`store/memory: topVulnerableHouseholds: limit must be an integer from 0 to ${MAX_BULK_PAGE}, got ${limit}`, ['limit']);
    }
    return state.topVulnerable(limit, filter).map((h) => cloneJson(h));
  }

  async householdStatsByVillage(): Promise<VillageHouseholdStats[]> {
    return this.readable().householdStatsByVillage();
  }

  async matchContext(needId: string): Promise<NeedMatchContext | null> {
    const state = this.readable();
    const get = <K extends EntityKind>(kind: K, id: string | null | undefined): EntityMap[K] | null => {
      if (id === null || id === undefined || kindOfId(id) !== kind) return null;
      const entity = state.get(kind, id);
      return entity === undefined ? null : cloneJson(entity);
    };
    const need = get('Need', needId);
    if (need === null) return null;
    const household = get('Household', need.householdId);
    const village = get('Village', household?.villageId);
    const township = get('Township', village?.townshipId);
    const consents = household === null ? [] : state.list('Consent', { householdId: household.id }, MAX_BULK_PAGE, null).items.map((c) => cloneJson(c));
    return { need, household, village, township, consents };
  }

  async listPlanningNeeds(filter: PlanningNeedFilter, page: { first: number; after: string | null }): Promise<PlanningNeedPage> {
    const state = this.readable();
    const first = page.first;
    if (!Number.isInteger(first) || first < 0 || first > MAX_BULK_PAGE) {
      throw badInput(`store/memory: listPlanningNeeds: first must be an integer from 0 to ${MAX_BULK_PAGE}, got ${first}`, ['first']);
    }
    const needFilter = { status: 'OPEN' as const, ...(filter.townshipId ? { townshipId: filter.townshipId } : {}), ...(filter.category ? { category: filter.category } : {}) };
    const result = state.list('Need', needFilter, first, page.after);
    // The stored records are read in place: a row copies the fields it holds (the two short lists by slice), nothing else.
    const rows = result.items.map((need): PlanningNeedRow => {
      const household = kindOfId(need.householdId) === 'Household' ? state.get('Household', need.householdId) : undefined;
      return {
        need: { id: need.id, householdId: need.householdId, category: need.category, urgency: need.urgency, createdAt: need.createdAt, updatedAt: need.updatedAt },
        household:
          household === undefined
            ? null
            : {
                id: household.id,
                villageId: household.villageId,
                vulnerabilityScore: household.vulnerabilityScore,
                memberAgeBands: household.memberAgeBands.slice(),
                markers: household.markers.slice(),
                creditOfficerId: household.loan?.creditOfficerId ?? null,
              },
      };
    });
    return { rows, hasNextPage: result.hasNextPage, endCursor: rows.at(-1)?.need.id ?? null };
  }

  async findHouseholdByCode(householdCode: string): Promise<EntityMap['Household'] | null> {
    const state = this.readable();
    return this.copyOf(state, 'Household', state.holderOf('Household', 'householdCode', householdCode));
  }

  async findRelationship(fromId: string, toId: string, type: RelationshipType): Promise<EntityMap['Relationship'] | null> {
    const state = this.readable();
    const [key] = uniqueKeyValues('Relationship', { fromId, toId, type });
    return key === undefined ? null : this.copyOf(state, 'Relationship', state.holderOf('Relationship', key.key, key.value));
  }

  async findReferralByIdempotencyKey(key: string): Promise<Referral | null> {
    const state = this.readable();
    return this.copyOf(state, 'Referral', state.holderOf('Referral', 'idempotencyKey', key));
  }

  async searchHouseholds(
    query: SearchQuery,
    fields: readonly SearchField[],
    scope: HouseholdSearchScope,
    page: { first: number; after: SearchCursor | null },
  ): Promise<SearchPage<EntityMap['Household']>> {
    const state = this.readable();
    assertSearchLimit('searchHouseholds', page.first);
    const ranked = state.searchHouseholds(query, fields, scope, page);
    return {
      hits: ranked.hits.map((hit) => ({ rank: hit.rank, item: cloneJson(state.get('Household', hit.id) as EntityMap['Household']) })),
      totalCount: ranked.totalCount,
      hasNextPage: ranked.hasNextPage,
    };
  }

  async searchDirectory(query: SearchQuery, kinds: readonly DirectorySearchKind[], limit: number): Promise<DirectoryMatch[]> {
    assertSearchLimit('searchDirectory', limit);
    return this.readable().searchDirectory(query, kinds, limit);
  }

  async findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    const record = this.readable().idempotencyRecord(key);
    return record === undefined ? null : cloneJson(record);
  }

  // -- writes ------------------------------------------------------------------

  async upsertMany<K extends EntityKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>): Promise<{ written: number }> {
    return this.write((state) => {
      // Last row wins for a repeated id, as if the rows were written one by one.
      const byId = new Map<string, EntityMap[K]>();
      rows.forEach((row, index) => {
        if (typeof row?.id !== 'string' || !isIdOf(kind, row.id)) {
          throw badInput(`store/memory: upsertMany ${kind}: row ${index} has no ${kind} id`, [index, 'id']);
        }
        validateEntity(kind, row, [index]);
        byId.set(row.id, row);
      });
      const claims = new UniqueClaims(state, kind);
      // Bulk loads skip reference checks (seed files load in any order), except that a relationship
      // is an edge between two records and cannot exist without both ends (as in Neo4j).
      if (kind === 'Relationship') {
        [...byId.values()].forEach((row, index) => this.assertReferences(state, 'Relationship', row, 'upsertMany', [index]));
      }
      for (const row of byId.values()) {
        const old = state.get(kind, row.id);
        if (kind === 'AuditEvent' && old !== undefined && JSON.stringify(old) !== JSON.stringify(row)) {
          throw conflict(`store/memory: upsertMany AuditEvent: ${row.id} exists with other content; audit events are append-only`, row.id, ['id']);
        }
        claims.claim(row, old);
      }
      const ops: MemoryOp[] = [];
      for (const row of byId.values()) ops.push({ o: 'put', k: kind, e: cloneJson(row) });
      return { ops, result: () => ({ written: ops.length }) };
    });
  }

  /** upsertMany's fast path for rows known to be new: one write (all rows or none), no replace work, validation once unless the caller did it. */
  async insertNew<K extends EntityKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>, options: InsertNewOptions = {}): Promise<{ written: number }> {
    return this.write((state) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        if (typeof row?.id !== 'string' || !isIdOf(kind, row.id)) {
          throw badInput(`store/memory: insertNew ${kind}: row ${index} has no ${kind} id`, [index, 'id']);
        }
        if (seen.has(row.id) || state.get(kind, row.id) !== undefined) throw notNewConflict('store/memory', kind, row.id, index, seen.has(row.id));
        seen.add(row.id);
        if (options.validated !== true) validateEntity(kind, row, [index]);
      });
      // As upsertMany: no reference checks, except that a relationship cannot exist without both ends.
      if (kind === 'Relationship') rows.forEach((row, index) => this.assertReferences(state, 'Relationship', row, 'insertNew', [index]));
      const claims = new UniqueClaims(state, kind);
      for (const row of rows) claims.claim(row, undefined);
      const ops: MemoryOp[] = rows.map((row) => ({ o: 'put', k: kind, e: cloneJson(row) }));
      return { ops, result: () => ({ written: ops.length }) };
    });
  }

  async upsertCategories(rows: ReadonlyArray<Category>): Promise<void> {
    rows.forEach((row, index) => validateCategory(row, [index]));
    await this.write(() => ({ ops: rows.length === 0 ? [] : [{ o: 'categories', rows: rows.map((r) => cloneJson(r)) }], result: () => undefined }));
  }

  async create<K extends MutableKind>(kind: K, entity: EntityMap[K], options: { idempotency?: IdempotencyClaim } = {}): Promise<EntityMap[K]> {
    return this.write((state) => {
      this.assertMutableKind(kind, 'create');
      const claim = options.idempotency;
      const replay = claim === undefined ? null : this.replayOf(state, claim, kind);
      if (replay !== null) return replay;
      this.assertIdOf(kind, entity, 'create');
      validateEntity(kind, entity);
      const existing = state.get(kind, entity.id);
      if (existing !== undefined) throw conflict(`store/memory: create ${kind}: the id is taken by an existing record; use a new id`, entity.id, ['id']);
      this.assertReferences(state, kind, entity, 'create');
      new UniqueClaims(state, kind).claim(entity, undefined);
      const planned = this.putOne(kind, entity);
      if (claim !== undefined) planned.ops.push(idempotencyOp(claim, kind, entity.id));
      return planned;
    });
  }

  async createMany<K extends MutableKind>(kind: K, entities: ReadonlyArray<EntityMap[K]>): Promise<{ written: number }> {
    return this.write((state) => {
      this.assertMutableKind(kind, 'createMany');
      const claims = new UniqueClaims(state, kind);
      const ids = new Set<string>();
      const ops: MemoryOp[] = entities.map((entity, index) => {
        if (typeof entity?.id !== 'string' || !isIdOf(kind, entity.id)) throw badInput(`store/memory: createMany: entity ${index}: id must be a ${kind} id`, [index, 'id']);
        validateEntity(kind, entity, [index]);
        if (ids.has(entity.id) || state.get(kind, entity.id) !== undefined) {
          throw conflict(`store/memory: createMany ${kind}: entity ${index}: the id is taken; use a new id`, entity.id, [index, 'id']);
        }
        ids.add(entity.id);
        this.assertReferences(state, kind, entity, 'createMany', [index]);
        try {
          claims.claim(entity, undefined);
        } catch (error) {
          throw prefixPath(error, index);
        }
        return { o: 'put', k: kind, e: cloneJson(entity) };
      });
      return { ops, result: () => ({ written: ops.length }) };
    });
  }

  async update<K extends MutableKind>(kind: K, entity: EntityMap[K], options: { expectedVersion?: number } = {}): Promise<EntityMap[K]> {
    return this.write((state) => {
      this.assertMutableKind(kind, 'update');
      this.assertIdOf(kind, entity, 'update');
      validateEntity(kind, entity);
      const stored = state.get(kind, entity.id);
      if (stored === undefined) throw notFoundAt(kind, entity.id, ['id'], `store/memory: update ${kind}: ${entity.id} does not exist; create it first`);
      const { expectedVersion } = options;
      if (expectedVersion !== undefined && expectedVersion !== null) {
        const actualVersion = (stored as { version?: unknown }).version;
        if (actualVersion !== expectedVersion) {
          throw new HuzhuError(
            'CONFLICT',
            `store/memory: update ${kind}: ${entity.id} is at version ${String(actualVersion)}, not ${expectedVersion}; someone changed it since you read it (read it again and retry)`,
            { path: ['expectedVersion'], details: { existingId: entity.id, expectedVersion, actualVersion } },
          );
        }
      }
      this.assertReferences(state, kind, entity, 'update');
      new UniqueClaims(state, kind).claim(entity, stored);
      // activeReferrals belongs to the store (claims and releases), as in Neo4j: an update read before a claim must not undo it.
      if (kind === 'Service') return this.putOne(kind, { ...entity, activeReferrals: (stored as EntityMap['Service']).activeReferrals });
      return this.putOne(kind, entity);
    });
  }

  async setServiceCapacity(serviceId: string, capacity: number | null): Promise<EntityMap['Service']> {
    return this.write((state) => {
      if (capacity !== null && (!Number.isInteger(capacity) || capacity < 0)) {
        throw badInput(`store/memory: setServiceCapacity: capacity must be null or an integer >= 0, got ${capacity}`, ['capacity']);
      }
      const service = state.get('Service', serviceId);
      if (service === undefined) throw notFoundAt('Service', serviceId, ['serviceId']);
      const planned = this.putOne('Service', { ...service, capacity });
      // More places may be owed to the waiting list (issue 14 item 3); the port gives no clock here.
      planned.ops.push(...settleOpsAfter(state, { ...service, capacity }, new Date().toISOString()));
      return planned;
    });
  }

  async createReferral(referral: Referral): Promise<{ referral: Referral; created: boolean }> {
    return this.write<{ referral: Referral; created: boolean }>((state) => {
      this.assertIdOf('Referral', referral, 'createReferral');
      validateEntity('Referral', referral);
      const sameKey = state.holderOf('Referral', 'idempotencyKey', referral.idempotencyKey);
      if (sameKey !== undefined) {
        return { ops: [], result: () => ({ referral: cloneJson(state.get('Referral', sameKey) as Referral), created: false }) };
      }
      if (state.get('Referral', referral.id) !== undefined) {
        throw conflict('store/memory: createReferral: the id is taken by a referral made with another idempotency key; use a new id', referral.id, ['id']);
      }
      this.assertReferences(state, 'Referral', referral, 'createReferral');
      const service = state.get('Service', referral.serviceId) as EntityMap['Service'];
      const need = state.get('Need', referral.needId) as EntityMap['Need'];
      const stored = cloneJson(referral);
      const ops: MemoryOp[] = [{ o: 'put', k: 'Referral', e: stored }];
      if (isActive(referral.status)) {
        const claimed = claimUnit(service);
        // The waiting list first (issue 14 item 3): a unit owed to the queue is not this need's unless offered to it.
        ops.push(...waitlistOpsForReferral(state, service, referral.needId, referral.createdAt));
        ops.push({ o: 'put', k: 'Service', e: claimed });
      }
      ops.push({ o: 'put', k: 'Need', e: { ...need, status: 'REFERRED', updatedAt: referral.createdAt } });
      return { ops, result: () => ({ referral: cloneJson(stored), created: true }) };
    });
  }

  async transitionReferral(
    referralId: string,
    from: ReferralStatus,
    transition: ReferralTransition,
    needStatus: NeedStatus | null,
    options: { idempotency?: IdempotencyClaim } = {},
  ): Promise<Referral> {
    return this.write((state) => {
      const claim = options.idempotency;
      const replay = claim === undefined ? null : this.replayOf(state, claim, 'Referral');
      if (replay !== null) return replay;
      const referral = state.get('Referral', referralId);
      if (referral === undefined) throw notFoundAt('Referral', referralId, ['referralId']);
      if (referral.status !== from) {
        throw new HuzhuError(
          'CONFLICT',
          `store/memory: transitionReferral: ${referralId} is ${referral.status}, not ${from}; it changed since you read it (read it again)`,
          { path: ['from'], details: { existingId: referralId, expected: from, actual: referral.status } },
        );
      }
      const next: Referral = {
        ...referral,
        status: transition.status,
        reason: transition.reason,
        transitions: [...referral.transitions, cloneJson(transition)],
        updatedAt: transition.at,
      };
      validateEntity('Referral', next, ['transition']);
      const ops: MemoryOp[] = [{ o: 'put', k: 'Referral', e: next }];
      const service = state.get('Service', referral.serviceId);
      const wasActive = isActive(from);
      const nowActive = isActive(transition.status);
      if (wasActive && !nowActive && service !== undefined) {
        const released = { ...service, activeReferrals: Math.max(0, service.activeReferrals - 1) };
        ops.push({ o: 'put', k: 'Service', e: released });
        // The released unit goes to the first waiting need in this same write (issue 14 item 3).
        ops.push(...settleOpsAfter(state, released, transition.at));
      } else if (!wasActive && nowActive) {
        // Reopening an ended referral takes a unit again, under the same rule as a new one.
        if (service === undefined) throw notFoundAt('Service', referral.serviceId, ['serviceId']);
        ops.push({ o: 'put', k: 'Service', e: claimUnit(service) });
      }
      if (needStatus !== null) {
        const need = state.get('Need', referral.needId);
        if (need === undefined) throw notFoundAt('Need', referral.needId, ['needId']);
        ops.push({ o: 'put', k: 'Need', e: { ...need, status: needStatus, updatedAt: transition.at } });
      }
      if (claim !== undefined) ops.push(idempotencyOp(claim, 'Referral', referralId));
      return { ops, result: () => cloneJson(next) };
    });
  }

  async appendAudit(event: EntityMap['AuditEvent']): Promise<void> {
    await this.write((state) => {
      this.assertIdOf('AuditEvent', event, 'appendAudit');
      validateEntity('AuditEvent', event);
      if (state.get('AuditEvent', event.id) !== undefined) {
        throw conflict(`store/memory: appendAudit: ${event.id} already exists; audit events are append-only (use a new id)`, event.id, ['id']);
      }
      return { ops: [{ o: 'put', k: 'AuditEvent', e: cloneJson(event) }], result: () => undefined };
    });
  }

  // -- saved plans (planned in memoryPlans.ts; the batch of applyPlan here) -----

  async createPlan(plan: PlanRecord): Promise<PlanRecord> {
    return this.write((state) => planCreatePlan(state.plans, plan));
  }

  async getPlan(id: string): Promise<PlanRecord | null> {
    const plan = this.readable().plans.get(id);
    return plan === undefined ? null : cloneJson(plan);
  }

  async listPlans(page: PageRequest): Promise<Page<PlanRecord>> {
    return this.readable().plans.list(page);
  }

  async updatePlan(plan: PlanRecord, options: { expectedVersion: number }): Promise<PlanRecord> {
    return this.write((state) => planUpdatePlan(state.plans, plan, options));
  }

  async deletePlan(id: string, options: { expectedVersion: number }): Promise<void> {
    return this.write((state) => planDeletePlan(state.plans, id, options));
  }

  /**
   * One journal entry for the whole batch: every write is checked as create
   * and update check it, against the state plus the batch's earlier writes,
   * before anything is journaled; the first failure throws (path under
   * ['writes', i]) and nothing is written.
   */
  async applyPlan(application: PlanApplication): Promise<PlanRecord> {
    return this.write((state) => {
      const stored = existingPlan(state.plans, application.planId);
      assertWritablePlan(stored, application.expectedVersion, 'store/memory', 'applyPlan');
      const batch = new Map<string, AnyEntity>();
      const claims = new Map<EntityKind, UniqueClaims>();
      const ops: MemoryOp[] = [];
      application.writes.forEach((write, index) => {
        try {
          const { kind, op } = write;
          this.assertIdOf(kind, write.entity, `applyPlan ${op}`);
          const entity = validateEntity(kind, write.entity) as AnyEntity;
          const before = batch.get(entity.id) ?? state.get(kind, entity.id);
          if (op === 'create' && before !== undefined) {
            throw conflict(`store/memory: applyPlan create ${kind}: the id is taken by an existing record; use a new id`, entity.id, ['id']);
          }
          if (op === 'update' && before === undefined) throw notFoundAt(kind, entity.id, ['id'], `store/memory: applyPlan update ${kind}: ${entity.id} does not exist`);
          for (const target of referenceTargets(kind, entity)) {
            const inBatch = batch.get(target.id);
            if (inBatch === undefined && !referenceExists(state, target)) {
              throw notFoundAt(target.kind, target.id, target.path, `store/memory: applyPlan ${op} ${kind}: ${target.path.join('.')} names ${target.id}, which does not exist`);
            }
          }
          const claimsOfKind = claims.get(kind) ?? new UniqueClaims(state, kind);
          claims.set(kind, claimsOfKind);
          claimsOfKind.claim(entity, before);
          // activeReferrals belongs to the store (claims and releases), as in update.
          const next = kind === 'Service' && before !== undefined ? { ...entity, activeReferrals: (before as EntityMap['Service']).activeReferrals } : entity;
          batch.set(entity.id, next);
          ops.push({ o: 'put', k: kind, e: cloneJson(next) });
        } catch (error) {
          throw atPlanWrite(error, index);
        }
      });
      const applied = planAfterApply(stored, application);
      ops.push({ o: 'plan', e: cloneJson(applied) });
      return { ops, result: () => cloneJson(applied) };
    });
  }

  // -- accounts (planned in memoryAccounts.ts) ------------------------------------

  async createAccount(account: AccountRecord): Promise<AccountRecord> {
    return this.write((state) => planCreateAccount(state, account));
  }

  async getAccounts(ids: readonly string[]): Promise<Array<AccountRecord | null>> {
    const state = this.readable();
    return ids.map((id) => {
      const account = state.getAccount(id);
      return account === undefined ? null : cloneJson(account);
    });
  }

  async findAccountByLogin(login: string): Promise<AccountRecord | null> {
    const state = this.readable();
    const id = state.accountIdByLogin(login.trim().toLowerCase());
    const account = id === undefined ? undefined : state.getAccount(id);
    return account === undefined ? null : cloneJson(account);
  }

  async listAccounts(page: PageRequest): Promise<Page<AccountRecord>> {
    const state = this.readable();
    if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_BULK_PAGE) {
      throw badInput(`store/memory: listAccounts: first must be an integer from 0 to ${MAX_BULK_PAGE}, got ${page.first}`, ['first']);
    }
    const result = state.listAccounts(page.first, page.after ?? null);
    const items = result.items.map((a) => cloneJson(a));
    const totalCount = page.count === false ? NOT_COUNTED : result.totalCount;
    return { items, totalCount, hasNextPage: result.hasNextPage, endCursor: items.at(-1)?.id ?? null };
  }

  async updateAccount(account: AccountRecord, options: { expectedVersion: number; resetLock?: boolean }): Promise<AccountRecord> {
    return this.write((state) => planUpdateAccount(state, account, options));
  }

  async recordAccountLoginFailure(id: string, attempt: { at: string; lockAfter: number; lockUntil: string }): Promise<AccountRecord> {
    return this.write((state) => planLoginFailure(state, id, attempt));
  }

  async recordAccountLogin(id: string, login: { at: string; passwordHash: string | null }): Promise<AccountRecord> {
    return this.write((state) => planLogin(state, id, login));
  }

  async endAccountSessions(id: string, at: string): Promise<AccountRecord> {
    return this.write((state) => planEndSessions(state, id, at));
  }

  // Failures of login names no account holds: kept in this process only (not journaled), bounded; see GraphStore.
  readonly #loginNameFailures = new Map<string, LoginFailureRecord>();

  async getLoginNameFailures(key: string): Promise<LoginFailureRecord> {
    return { ...(this.#loginNameFailures.get(key) ?? NO_LOGIN_FAILURES) };
  }

  async recordLoginNameFailure(key: string, attempt: { at: string; lockAfter: number; lockUntil: string }): Promise<LoginFailureRecord> {
    const next = failuresAfter(this.#loginNameFailures.get(key) ?? NO_LOGIN_FAILURES, attempt);
    this.#loginNameFailures.delete(key);
    this.#loginNameFailures.set(key, next);
    if (this.#loginNameFailures.size > MAX_LOGIN_NAME_FAILURES) {
      const oldest = this.#loginNameFailures.keys().next().value;
      if (oldest !== undefined) this.#loginNameFailures.delete(oldest);
    }
    return { ...next };
  }

  // -- waiting lists (planned in memoryWaitlist.ts) -------------------------------

  async joinWaitlist(entry: WaitlistEntry): Promise<{ entry: WaitlistEntry; created: boolean }> {
    return this.write((state) => planJoinWaitlist(state, entry));
  }

  async leaveWaitlist(serviceId: string, needId: string, at: string): Promise<WaitlistEntry | null> {
    return this.write((state) => planLeaveWaitlist(state, serviceId, needId, at));
  }

  async settleWaitlist(serviceId: string, at: string): Promise<WaitlistEntry[]> {
    return this.write((state) => planSettleWaitlist(state, serviceId, at));
  }

  async listWaitlist(serviceId: string): Promise<WaitlistEntry[]> {
    return this.readable().waitlist.ofService(serviceId);
  }

  async waitlistEntriesOfNeeds(needIds: readonly string[]): Promise<WaitlistEntry[]> {
    return this.readable().waitlist.ofNeeds(needIds);
  }

  // -- pushed alerts (planned in memoryAlerts.ts) ---------------------------------

  async recordAlert(alert: AlertRecord): Promise<{ alert: AlertRecord; created: boolean }> {
    return this.write((state) => planRecordAlert(state.alerts, alert));
  }

  async listAlerts(query: AlertListQuery, page: PageRequest): Promise<Page<AlertRecord> & { unreadCount: number }> {
    return this.readable().alerts.list(query, page);
  }

  async getAlerts(ids: readonly string[]): Promise<Array<AlertRecord | null>> {
    const alerts = this.readable().alerts;
    return ids.map((id) => {
      const alert = alerts.get(id);
      return alert === undefined ? null : cloneJson(alert);
    });
  }

  async markAlertsRead(ids: readonly string[], readerId: string): Promise<AlertRecord[]> {
    return this.write((state) => planMarkAlertsRead(state.alerts, ids, readerId));
  }

  async setAlertDelivery(id: string, sink: string, delivery: AlertDelivery): Promise<AlertRecord> {
    return this.write((state) => planAlertDelivery(state.alerts, id, sink, delivery));
  }

  // -- the seed's record ---------------------------------------------------------

  async getSeedRun(): Promise<SeedRun | null> {
    const run = this.readable().seedRun;
    return run === null ? null : cloneJson(run);
  }

  async putSeedRun(run: SeedRun): Promise<void> {
    const parsed = parseInput(SeedRun, run, ['run']);
    await this.write(() => ({ ops: [{ o: 'seedRun', run: cloneJson(parsed) }], result: () => undefined }));
  }

  // Private: lifecycle.

  private async open(dataDir: string): Promise<void> {
    await mkdir(dataDir, { recursive: true });
    const unlock = await acquireDirectoryLock(dataDir).catch((error: unknown) => {
      throw this.unavailable('cannot take the data directory', error);
    });
    try {
      const state = new MemoryGraph();
      const snapshotPath = join(dataDir, SNAPSHOT_FILE);
      await rm(`${snapshotPath}.tmp`, { force: true }); // left by a crash mid-compaction; the old snapshot stands
      const snapshot = await readSnapshot(snapshotPath, state).catch((error: unknown) => {
        throw this.unavailable(`cannot load the snapshot (move it aside only if you have a backup)`, error);
      });
      const snapshotVersion = snapshot.version;
      const journalPath = join(dataDir, JOURNAL_FILE);
      const replay = await replayJournal(journalPath, snapshotVersion, (ops, version) => state.apply(ops, version)).catch((error: unknown) => {
        throw this.unavailable(`cannot replay the journal; it is damaged before its end, so replaying past the damage would lose acknowledged writes (restore ${journalPath} from a backup)`, error);
      });
      await syncDirectory(dataDir);
      const journal = await Journal.open(journalPath, replay.bytes);
      this.state = state;
      this.snapshotBytes = snapshot.bytes;
      this.broken = null;
      this.lifecycle = { status: 'open', journal, unlock };
      // The search index is built off the start-up path, once the loaded state is in place.
      setImmediate(() => {
        if (this.state === state && this.lifecycle.status === 'open') state.prepareSearch();
      });
    } catch (error) {
      await unlock();
      throw error;
    }
  }

  /** Writes a snapshot of the current state and empties the journal. Runs inside the queue. */
  private async compact(journal: Journal): Promise<void> {
    const dataDir = this.dataDir as string;
    this.snapshotBytes = await writeSnapshot(join(dataDir, SNAPSHOT_FILE), this.state);
    // A crash here leaves journal records the snapshot already holds; replay skips them by version.
    await journal.reset();
  }

  private scheduleCompaction(journal: Journal): void {
    if (this.compactionQueued || journal.size < Math.max(this.compactAfterBytes, this.snapshotBytes)) return;
    this.compactionQueued = true;
    // Queued behind the current write: the write is acknowledged first, later writes wait for the snapshot.
    this.queue
      .run(async () => {
        this.compactionQueued = false;
        if (this.lifecycle.status === 'open' && this.lifecycle.journal === journal && this.broken === null) await this.compact(journal);
      })
      .catch((error: unknown) => this.onCompactionError(error));
  }

  // Private: the write path (validate, journal, apply), one at a time.

  private write<T>(plan: (state: MemoryGraph) => Planned<T>): Promise<T> {
    return this.queue.run(async () => {
      const lifecycle = this.lifecycle;
      if (lifecycle.status !== 'open') throw this.notOpen();
      if (this.broken !== null) throw this.unavailable('refuses writes after an earlier failure; restart the process', this.broken);
      const { ops, result } = plan(this.state);
      if (ops.length === 0) return result();
      const version = this.state.version + 1;
      if (lifecycle.journal !== null) {
        try {
          await lifecycle.journal.append(version, ops);
        } catch (error) {
          if (error instanceof JournalBrokenError) {
            // The record could not be cut back: a replay may still find it whole, so it may or may not count.
            this.broken = error;
            throw this.outcomeUnknown('could not finish writing the journal, and may or may not have stored this write', error);
          }
          throw this.unavailable('could not write the journal; nothing was changed', error);
        }
      }
      try {
        this.state.apply(ops, version);
      } catch (error) {
        // Journaled but not applied cleanly: memory may no longer match the journal. A restart replays it.
        this.broken = error as Error;
        throw this.outcomeUnknown('failed applying a journaled write (a restart replays it from the journal)', error);
      }
      if (lifecycle.journal !== null) this.scheduleCompaction(lifecycle.journal);
      return result();
    });
  }

  /**
   * A write planned with an idempotency key already recorded: no ops, and the
   * record the first write made as the result (CONFLICT for another request).
   * Null when the key is new.
   */
  private replayOf<K extends EntityKind>(state: MemoryGraph, claim: IdempotencyClaim, kind: K): Planned<EntityMap[K]> | null {
    const recorded = state.idempotencyRecord(claim.key);
    if (recorded === undefined) return null;
    assertSameIdempotentRequest(recorded, claim);
    const result = recorded.resultKind === kind ? state.get(kind, recorded.resultId) : undefined;
    if (result === undefined) throw new Error(`store/memory: idempotency key recorded for a ${recorded.resultKind} that is missing`);
    return { ops: [], result: () => cloneJson(result) };
  }

  private putOne<K extends EntityKind>(kind: K, entity: EntityMap[K]): Planned<EntityMap[K]> {
    const stored = cloneJson(entity);
    return { ops: [{ o: 'put', k: kind, e: stored }], result: () => cloneJson(stored) };
  }

  private assertReferences(
    state: MemoryGraph,
    kind: MutableKind | 'Referral',
    entity: object,
    operation: string,
    pathPrefix: ReadonlyArray<string | number> = [],
  ): void {
    for (const target of referenceTargets(kind, entity)) {
      if (!referenceExists(state, target)) {
        const what = target.kind === 'Stakeholder' ? 'a stakeholder (person, organization, village, township or service)' : `a ${target.kind}`;
        throw notFoundAt(
          target.kind,
          target.id,
          [...pathPrefix, ...target.path],
          `store/memory: ${operation} ${kind}: ${target.path.join('.')} is ${JSON.stringify(target.id)}, which is not ${what} in the store; create it first or fix the id`,
        );
      }
    }
  }

  private assertMutableKind(kind: EntityKind, operation: string): void {
    if (kind === 'Referral' || kind === 'AuditEvent') {
      throw badInput(`store/memory: ${operation} cannot write ${kind}; use ${kind === 'Referral' ? 'createReferral' : 'appendAudit'}`, ['kind']);
    }
  }

  private assertIdOf(kind: EntityKind, entity: { id?: unknown } | null | undefined, operation: string): void {
    const id = entity?.id;
    if (typeof id !== 'string' || !isIdOf(kind, id)) {
      throw badInput(`store/memory: ${operation}: id must be a ${kind} id`, ['id']);
    }
  }

  // Private: reads.

  private readable(): MemoryGraph {
    if (this.lifecycle.status !== 'open') throw this.notOpen();
    return this.state;
  }

  private copyOf<K extends EntityKind>(state: MemoryGraph, kind: K, id: string | undefined): EntityMap[K] | null {
    const entity = id === undefined ? undefined : state.get(kind, id);
    return entity === undefined ? null : cloneJson(entity);
  }

  private notOpen(): HuzhuError {
    const why = this.lifecycle.status === 'closed' ? 'is closed' : 'is not open yet; call init() first';
    return new HuzhuError('UNAVAILABLE', `store/memory: the store ${why}`);
  }

  /** A write whose fate the store cannot tell (OUTCOME_UNKNOWN): the client retries with the same idempotency key. */
  private outcomeUnknown(what: string, cause: unknown): HuzhuError {
    const where = this.dataDir === null ? '' : ` (data directory ${this.dataDir})`;
    return new HuzhuError('OUTCOME_UNKNOWN', `store/memory${where}: ${what}; restart the process, then retry with the same idempotency key`, { cause });
  }

  private unavailable(what: string, cause: unknown): HuzhuError {
    const where = this.dataDir === null ? '' : ` (data directory ${this.dataDir})`;
    return new HuzhuError('UNAVAILABLE', `store/memory${where}: ${what}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/**
 * Unique keys claimed by a write: a key already held by another record is a
 * CONFLICT naming that record. Claims made earlier in the same write count
 * (two rows of one upsertMany cannot share a code), and a record's own old
 * keys are free for it to keep or give up.
 */
class UniqueClaims {
  private readonly claimed = new Map<string, string | null>();

  constructor(
    private readonly state: MemoryGraph,
    private readonly kind: EntityKind,
  ) {}

  claim(entity: AnyEntity, old: AnyEntity | undefined): void {
    if (old !== undefined) for (const held of this.state.uniqueKeysOf(this.kind, old)) this.claimed.set(`${held.key}\u0001${held.value}`, null);
    for (const held of this.state.uniqueKeysOf(this.kind, entity)) {
      const slot = `${held.key}\u0001${held.value}`;
      const holder = this.claimed.has(slot) ? this.claimed.get(slot) : this.state.holderOf(this.kind, held.key, held.value);
      if (holder !== undefined && holder !== null && holder !== entity.id) {
        // Neither the key's value (an official code) nor the holder's id goes in the message: the API
        // reveals details.existingId only to a caller who may read that record.
        throw conflict(
          `store/memory: ${this.kind}: ${held.key} is already held by another record; unique keys cannot repeat (use another ${held.key})`,
          holder,
          held.path,
          { key: held.key },
        );
      }
      this.claimed.set(slot, entity.id);
    }
  }
}

function referenceExists(state: MemoryGraph, target: ReferenceTarget): boolean {
  if (target.kind === 'Stakeholder') return isStakeholderId(target.id) && state.getById(target.id) !== undefined;
  return kindOfId(target.id) === target.kind && state.get(target.kind, target.id) !== undefined;
}

function idempotencyOp(claim: IdempotencyClaim, resultKind: EntityKind, resultId: string): MemoryOp {
  return { o: 'idempotency', r: { key: claim.key, operation: claim.operation, fingerprint: claim.fingerprint, resultKind, resultId } };
}

function assertSearchLimit(operation: string, first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`store/memory: ${operation}: first must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`, ['first']);
  }
}

function isActive(status: ReferralStatus): boolean {
  return ACTIVE_REFERRAL_STATUSES.includes(status);
}

/** One more active referral on `service`, or CAPACITY_EXHAUSTED (null capacity = no stated limit). */
function claimUnit(service: EntityMap['Service']): EntityMap['Service'] {
  if (service.capacity !== null && service.activeReferrals >= service.capacity) {
    throw new HuzhuError(
      'CAPACITY_EXHAUSTED',
      `store/memory: service ${service.id} has no capacity left (${service.activeReferrals} active of ${service.capacity}); choose another service or wait until a referral ends`,
      { path: ['serviceId'], details: { serviceId: service.id, capacity: service.capacity, activeReferrals: service.activeReferrals } },
    );
  }
  return { ...service, activeReferrals: service.activeReferrals + 1 };
}

/** A HuzhuError's path under the entity's index in a createMany (other errors pass through). */
function prefixPath(error: unknown, index: number): unknown {
  if (!(error instanceof HuzhuError)) return error;
  return new HuzhuError(error.code, error.message, { path: [index, ...error.path], details: error.details, cause: error });
}

function conflict(message: string, existingId: string, path: ReadonlyArray<string | number>, details: Record<string, unknown> = {}): HuzhuError {
  return new HuzhuError('CONFLICT', message, { path, details: { existingId, ...details } });
}

function notFoundAt(kind: string, id: string, path: ReadonlyArray<string | number>, message?: string): HuzhuError {
  return new HuzhuError('NOT_FOUND', message ?? `store/memory: ${kind} ${JSON.stringify(id)} was not found`, { path, details: { kind, id } });
}

function assertNever(value: never): never {
  throw new Error(`store/memory: unexpected lifecycle ${JSON.stringify(value)}`);
}
