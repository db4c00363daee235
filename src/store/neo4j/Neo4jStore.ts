import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { z } from 'zod';
import type { AccountRecord } from '../../domain/Account';
import { ENTITY_KINDS, kindOfId, type EntityKind } from '../../domain/ids';
import {
  AgeBand,
  Category,
  HouseholdHead,
  Marker,
  Urgency,
  type EntityMap,
  type Referral,
  type NeedStatus,
  type ReferralStatus,
  type ReferralTransition,
} from '../../domain/model';
import { HuzhuError, badInput, notFound } from '../../errors/HuzhuError';
import {
  ACTIVE_REFERRAL_STATUSES,
  MAX_BULK_PAGE,
  NETWORK_KINDS,
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
  type PlanWrite,
  type VillageHouseholdStats,
} from '../GraphStore';
import { assertSameIdempotentRequest, referenceTargets, uniqueKeyValues, type ReferenceTarget } from '../storeHelpers';
import { validateCategory, validateEntity } from '../validateEntity';
import { notNewConflict } from '../notNewConflict';
import { INSERT_NEW_DEFAULT_BATCH, INSERT_NEW_PLAN } from './insertNewPlan';
import { parseInput } from '../../errors/fromZodError';
import { SeedRun } from '../SeedRun';
import { Q, loadCypherRegistry, type CypherRegistry, type QueryName } from './cypherRegistry';
import { entityRow, toProps } from './entityProps';
import { hanLuceneQuery, pinyinLuceneQuery } from './luceneQuery';
import { searchProps } from './searchProps';
import { MAX_PAGE_SIZE, type DirectoryMatch, type HouseholdSearchScope, type PlanningNeedFilter, type PlanningNeedPage, type PlanningNeedRow, type SearchPage } from '../GraphStore';
import type { SearchField } from '../../domain/matchRank';
import { rankDirectoryHits, rankSearchHits, type SearchCandidate, type SearchCursor } from '../../domain/rankSearchHits';
import { SEARCH_KEYS_VERSION, isSearchableKind, type DirectorySearchKind } from '../../domain/searchKeys';
import type { SearchQuery } from '../../domain/searchQuery';
import { KIND_QUERIES } from './kindQueries';
import { RELATIONSHIP_SCHEMA_STATEMENTS } from './relationshipTypes';
import { upgradeSchema, type SchemaUpgradeReport } from './schemaUpgrade';
import { Neo4jAccounts } from './Neo4jAccounts';
import { Neo4jPlans } from './Neo4jPlans';
import type { PlanRecord } from '../../domain/Plan';
import { atPlanWrite } from '../planStoreRules';
import { Neo4jAlerts } from './Neo4jAlerts';
import { Neo4jWaitlist, claimForReferral, settleInTx } from './Neo4jWaitlist';
import type { WaitlistEntry } from '../../domain/WaitlistEntry';
import type { AlertDelivery, AlertRecord } from '../../domain/Alert';
import { isConstraintConflict } from './mapDriverError';
import { Neo4jRunner, createNeo4jDriver, type Params, type QueryTx } from './Neo4jRunner';
import {
  applyHouseholdChanges,
  applyReferralChanges,
  bumpNetworkVersion,
  computeServiceCounters,
  computeVillageCounters,
  readNetworkCounters,
  readNetworkVersion,
} from './networkCounters';

export interface Neo4jStoreOptions {
  /** bolt:// or neo4j:// URI (NEO4J_URI). */
  uri: string;
  user: string;
  /** Unset: no authentication (a local server started with NEO4J_AUTH=none). */
  password?: string;
  database: string;
  /** Budget of one store call (NEO4J_TIMEOUT_MS); past it the call fails with UNAVAILABLE. */
  timeoutMs: number;
  /** Where the .cypher files are; default: the repository's cypher/. */
  cypherDir?: string;
  /** Rows per transaction in upsertMany (default 5,000). */
  batchSize?: number;
  /** Rows per insertNew transaction by kind (default: insertNewPlan.ts). */
  insertBatchSizes?: Partial<Record<EntityKind, number>>;
  /** Budget of one upsertMany batch (default: the larger of timeoutMs and 60 s; a busy server needs seconds per batch). */
  bulkTimeoutMs?: number;
  /** Edges per transaction in the start-up layout upgrade (default 2,000; schemaUpgrade.ts). */
  schemaUpgradeBatchSize?: number;
}

/**
 * The GraphStore port over Neo4j 5 (see README.md here for the graph layout).
 *
 * Every statement comes from cypher/ through the registry and runs through
 * Neo4jRunner. Each port method is one transaction (upsertMany: one per batch).
 * Only writes to the stakeholder projection (NETWORK_KINDS) bump the
 * NetworkVersion node; household and referral writes keep the Village and
 * Service counters in the same transaction instead (networkCounters.ts). Check-then-write steps are
 * made safe by the database, never by this process: uniqueness constraints
 * catch concurrent duplicates (the method then retries, and its lookups name
 * the winner), and conditional updates take the node's write lock before they
 * read (household version, referral status, service capacity).
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  readonly #driver: Driver;
  readonly #runner: Neo4jRunner;
  readonly #registry: CypherRegistry;
  readonly #batchSize: number;
  readonly #bulkTimeoutMs: number;
  readonly #insertBatchSizes: Partial<Record<EntityKind, number>>;
  readonly #accounts: Neo4jAccounts;
  readonly #plans: Neo4jPlans;
  readonly #schemaUpgradeBatch: number;
  readonly #waitlist: Neo4jWaitlist;
  readonly #alerts: Neo4jAlerts;

  constructor(options: Neo4jStoreOptions) {
    const registry = loadCypherRegistry(options.cypherDir);
    this.#registry = registry;
    this.#driver = createNeo4jDriver(options);
    this.#runner = new Neo4jRunner(this.#driver, registry, { database: options.database, timeoutMs: options.timeoutMs });
    this.#batchSize = options.batchSize ?? 5_000;
    this.#bulkTimeoutMs = options.bulkTimeoutMs ?? Math.max(options.timeoutMs, 60_000);
    this.#insertBatchSizes = options.insertBatchSizes ?? {};
    this.#accounts = new Neo4jAccounts(this.#runner);
    this.#plans = new Neo4jPlans(this.#runner);
    this.#schemaUpgradeBatch = options.schemaUpgradeBatchSize ?? SCHEMA_UPGRADE_BATCH;
    this.#waitlist = new Neo4jWaitlist(this.#runner);
    this.#alerts = new Neo4jAlerts(this.#runner);
  }

  async init(): Promise<void> {
    // Index population on a large database can take longer than one query's budget.
    const budget = { timeoutMs: INIT_BUDGET_MS };
    for (const name of SCHEMA_STATEMENTS) await this.#runner.schema(name, budget);
    await this.#runner.read((tx) => tx.rows(Q.awaitIndexes, { timeoutSeconds: INIT_BUDGET_MS / 1000 }, z.object({})), budget);
    // First, before anything reads the graph: a database written by an older layout is rewritten (schemaUpgrade.ts).
    this.lastSchemaUpgrade = await upgradeSchema(this.#runner, { batchSize: this.#schemaUpgradeBatch, timeoutMs: this.#bulkTimeoutMs });
    this.lastSearchBackfill = await this.#backfillSearchKeys();
    this.lastCounterBackfill = await this.#backfillCounters();
  }

  /** What the last init()'s layout upgrade did (fromVersion = toVersion and nothing moved once the database is current). */
  lastSchemaUpgrade: SchemaUpgradeReport | null = null;

  /** What the last init() computed: villages and services given counters, and how long it took (0 and 0 once done). */
  lastCounterBackfill: { villages: number; services: number; ms: number } | null = null;

  /**
   * Gives every village and service without counters (a database written
   * before they existed) its counters, counted once, a batch per
   * transaction; idempotent, and one indexed scan per label when done.
   */
  async #backfillCounters(): Promise<{ villages: number; services: number; ms: number }> {
    const started = Date.now();
    const totals = { villages: 0, services: 0 };
    const passes = [
      { key: 'villages', run: computeVillageCounters },
      { key: 'services', run: computeServiceCounters },
    ] as const;
    for (const pass of passes) {
      for (;;) {
        const n = await this.#runner.write((tx) => pass.run(tx, null, COUNTER_BACKFILL_BATCH), { timeoutMs: this.#bulkTimeoutMs });
        totals[pass.key] += n;
        if (n < COUNTER_BACKFILL_BATCH) break;
      }
    }
    return { ...totals, ms: Date.now() - started };
  }

  /** What the last init() recomputed: records given search keys and how long it took (README: start-up cost). */
  lastSearchBackfill: { records: number; ms: number } | null = null;

  /**
   * Gives every searchable record written without search keys (before search
   * existed, or under another SEARCH_KEYS_VERSION) its keys, a batch per
   * transaction; idempotent, and cheap when there is nothing to do (one scan
   * per label). Several instances starting at once write the same keys.
   */
  async #backfillSearchKeys(): Promise<{ records: number; ms: number }> {
    const started = Date.now();
    let records = 0;
    const passes = [
      { list: Q.listHouseholdsWithStaleSearchKeys, set: Q.setHouseholdSearchKeys },
      { list: Q.listStakeholdersWithStaleSearchKeys, set: Q.setStakeholderSearchKeys },
    ] as const;
    for (const pass of passes) {
      for (;;) {
        const rows = await this.#runner.write(async (tx) => {
          const stale = await tx.rows(pass.list, { version: neo4j.int(SEARCH_KEYS_VERSION), limit: neo4j.int(BACKFILL_BATCH) }, StaleKeysRow);
          // Keys from the few properties they are made of (no whole-record parse: this runs over every record once).
          const keyed = stale.map((row) => ({ id: row.id, keys: backfillKeys(row) }));
          if (keyed.length > 0) await tx.rows(pass.set, { rows: keyed }, WrittenRow);
          return stale.length;
        }, { timeoutMs: this.#bulkTimeoutMs });
        records += rows;
        if (rows < BACKFILL_BATCH) break;
      }
    }
    return { records, ms: Date.now() - started };
  }

  async close(): Promise<void> {
    await this.#driver.close();
  }

  async ping(): Promise<void> {
    await this.#runner.read((tx) => tx.rows(Q.pingDatabase, {}, z.object({ ok: z.literal(1) })));
  }

  async version(): Promise<number> {
    return this.#runner.read((tx) => readNetworkVersion(tx));
  }

  async networkCounters(): Promise<NetworkCounters> {
    return this.#runner.read((tx) => readNetworkCounters(tx));
  }

  /**
   * One read transaction: the network version and the projection in one
   * statement (cypher/readNetworkProjection.cypher), then the version again.
   * Neo4j reads are read-committed, so a stakeholder write committing in
   * between would show as a changed version (every such write bumps it in its
   * own transaction): then the read is taken again, a few times at most,
   * before it fails UNAVAILABLE.
   */
  async networkProjection(): Promise<NetworkProjection> {
    for (let attempt = 1; ; attempt += 1) {
      const read = await this.#runner.read(async (tx) => {
        const row = await tx.first(Q.readNetworkProjection, {}, NetworkProjectionRow);
        const after = await readNetworkVersion(tx);
        return row !== null && row.version === after ? row : null;
      });
      if (read !== null) return read;
      if (attempt === NETWORK_PROJECTION_ATTEMPTS) {
        throw new HuzhuError(
          'UNAVAILABLE',
          `store/neo4j: networkProjection: the network changed during each of ${NETWORK_PROJECTION_ATTEMPTS} reads; retry when stakeholder writes pause`,
        );
      }
    }
  }

  /** TESTS ONLY (the contract suite's reset): delete everything but the version counter. */
  async deleteAllForTests(): Promise<void> {
    await this.#runner.write(async (tx) => {
      await tx.rows(Q.deleteAllForTests, {}, z.object({}));
      await bumpNetworkVersion(tx);
    }, { timeoutMs: this.#bulkTimeoutMs });
  }

  // -- reads -----------------------------------------------------------------

  async getMany<K extends EntityKind>(kind: K, ids: readonly string[]): Promise<Array<EntityMap[K] | null>> {
    if (ids.length === 0) return [];
    return this.#runner.read((tx) => getMany(tx, kind, ids));
  }

  async list<K extends EntityKind>(kind: K, filter: FilterMap[K], page: PageRequest): Promise<Page<EntityMap[K]>> {
    const first = page.first;
    if (!Number.isInteger(first) || first < 0 || first > MAX_BULK_PAGE) {
      throw badInput(`store/neo4j: list ${kind}: first must be a whole number from 0 to ${MAX_BULK_PAGE}, got ${String(first)}`, ['first']);
    }
    const queries = KIND_QUERIES[kind];
    const filterParams = filterParamsOf(kind, queries.filterKeys, filter);
    return this.#runner.read(async (tx) => {
      const total =
        page.count === false ? { total: NOT_COUNTED } : await tx.first(this.#registry.pick(queries.count, filterParams), filterParams, TotalRow);
      const items = await tx.rows(
        this.#registry.pick(queries.list, filterParams),
        { ...filterParams, after: page.after ?? '', limit: neo4j.int(first + 1) },
        entityRow(kind),
      );
      const hasNextPage = items.length > first;
      if (hasNextPage) items.length = first;
      return { items, totalCount: total?.total ?? 0, hasNextPage, endCursor: items.at(-1)?.id ?? null };
    });
  }

  async listCategories(): Promise<Category[]> {
    return this.#runner.read((tx) => tx.rows(Q.listCategories, {}, CategoryRow));
  }

  async topVulnerableHouseholds(limit: number, filter: HouseholdFilter): Promise<Array<EntityMap['Household']>> {
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_BULK_PAGE) {
      throw badInput(`store/neo4j: topVulnerableHouseholds: limit must be a whole number from 0 to ${MAX_BULK_PAGE}, got ${String(limit)}`, ['limit']);
    }
    if (limit === 0) return [];
    const params = { ...filterParamsOf('Household', KIND_QUERIES.Household.filterKeys, filter), limit: neo4j.int(limit) };
    const query = this.#registry.pick(Q.listTopVulnerableHouseholds, params);
    return this.#runner.read((tx) => tx.rows(query, params, entityRow('Household')));
  }

  async householdStatsByVillage(): Promise<VillageHouseholdStats[]> {
    return this.#runner.read(async (tx) => {
      const counts = await tx.rows(Q.countHouseholdsByVillage, {}, VillageCountRow);
      const markers = await tx.rows(Q.countHouseholdMarkersByVillage, {}, VillageMarkerRow);
      const byVillage = new Map<string, VillageHouseholdStats>(
        counts.map((c) => [c.villageId, { villageId: c.villageId, households: c.households, vulnerable: c.vulnerable, byMarker: {} }]),
      );
      for (const m of markers) {
        const stats = byVillage.get(m.villageId);
        if (stats) stats.byMarker[m.marker] = m.households;
      }
      return [...byVillage.values()];
    });
  }

  async matchContext(needId: string): Promise<NeedMatchContext | null> {
    return this.#runner.read((tx) => tx.first(Q.getMatchContext, { needId }, MatchContextRow));
  }

  async listPlanningNeeds(filter: PlanningNeedFilter, page: { first: number; after: string | null }): Promise<PlanningNeedPage> {
    const first = page.first;
    if (!Number.isInteger(first) || first < 0 || first > MAX_BULK_PAGE) {
      throw badInput(`store/neo4j: listPlanningNeeds: first must be a whole number from 0 to ${MAX_BULK_PAGE}, got ${String(first)}`, ['first']);
    }
    const params = { after: page.after ?? '', limit: neo4j.int(first + 1), townshipId: filter.townshipId ?? null, category: filter.category ?? null };
    const rows = (await this.#runner.read((tx) => tx.first(Q.listPlanningNeeds, params, PlanningNeedColumns))) ?? [];
    const hasNextPage = rows.length > first;
    if (hasNextPage) rows.length = first;
    return { rows, hasNextPage, endCursor: rows.at(-1)?.need.id ?? null };
  }

  async findHouseholdByCode(householdCode: string): Promise<EntityMap['Household'] | null> {
    return this.#runner.read((tx) => tx.first(Q.findHouseholdByCode, { householdCode }, entityRow('Household')));
  }

  async findRelationship(fromId: string, toId: string, type: EntityMap['Relationship']['type']): Promise<EntityMap['Relationship'] | null> {
    return this.#runner.read((tx) => tx.first(Q.findRelationshipByEnds, { fromId, toId, type }, entityRow('Relationship')));
  }

  async findReferralByIdempotencyKey(key: string): Promise<Referral | null> {
    return this.#runner.read((tx) => tx.first(Q.findReferralByIdempotencyKey, { idempotencyKey: key }, entityRow('Referral')));
  }

  /**
   * Candidates from each index the query and the fields call for (CJK
   * full-text, pinyin full-text, phone and code text indexes), within the
   * scope, ranked by rankSearchHits; then the page's households, in one read.
   */
  async searchHouseholds(
    query: SearchQuery,
    fields: readonly SearchField[],
    scope: HouseholdSearchScope,
    page: { first: number; after: SearchCursor | null },
  ): Promise<SearchPage<EntityMap['Household']>> {
    assertSearchLimit('searchHouseholds', page.first);
    const scopeParams = { villageIds: scope.villageIds === null ? null : [...scope.villageIds], townshipIds: scope.townshipIds === null ? null : [...scope.townshipIds] };
    const asks: Array<{ name: QueryName; params: Params }> = [];
    if (fields.includes('name')) {
      const han = hanLuceneQuery(query);
      if (han !== null) asks.push({ name: Q.searchHouseholdsByName, params: { lucene: han } });
      const pinyin = pinyinLuceneQuery(query);
      if (pinyin !== null) asks.push({ name: Q.searchHouseholdsByPinyin, params: { lucene: pinyin } });
    }
    if (fields.includes('phone') && query.digits !== null) asks.push({ name: Q.searchHouseholdsByPhone, params: { digits: query.digits } });
    if (fields.includes('code') && query.code !== null) asks.push({ name: Q.searchHouseholdsByCode, params: { code: query.code } });
    if (asks.length === 0) return { hits: [], totalCount: 0, hasNextPage: false };
    return this.#runner.read(async (tx) => {
      const candidates: SearchCandidate[] = [];
      for (const ask of asks) candidates.push(...(await tx.rows(ask.name, { ...ask.params, ...scopeParams }, SearchKeysRow)));
      const ranked = rankSearchHits(query, fields, candidates, page);
      const households = await getMany(tx, 'Household', ranked.hits.map((h) => h.id));
      const hits = ranked.hits.flatMap((hit, i) => {
        const item = households[i];
        return item ? [{ rank: hit.rank, item }] : [];
      });
      return { hits, totalCount: ranked.totalCount, hasNextPage: ranked.hasNextPage };
    });
  }

  async searchDirectory(query: SearchQuery, kinds: readonly DirectorySearchKind[], limit: number): Promise<DirectoryMatch[]> {
    assertSearchLimit('searchDirectory', limit);
    const asks: Array<{ name: QueryName; lucene: string }> = [];
    const han = hanLuceneQuery(query);
    if (han !== null) asks.push({ name: Q.searchDirectoryByName, lucene: han });
    const pinyin = pinyinLuceneQuery(query);
    if (pinyin !== null) asks.push({ name: Q.searchDirectoryByPinyin, lucene: pinyin });
    if (asks.length === 0 || kinds.length === 0 || limit === 0) return [];
    return this.#runner.read(async (tx) => {
      const found = new Map<string, { kind: DirectorySearchKind; name: string; candidate: SearchCandidate }>();
      for (const ask of asks) {
        for (const row of await tx.rows(ask.name, { lucene: ask.lucene, labels: [...kinds] }, DirectoryKeysRow)) {
          const kind = kindOfId(row.candidate.id);
          if (kind === null || !(kinds as readonly string[]).includes(kind)) continue;
          found.set(row.candidate.id, { kind: kind as DirectorySearchKind, name: row.displayName, candidate: row.candidate });
        }
      }
      const candidates = [...found.values()].map((f) => ({ ...f.candidate, kind: f.kind, name: f.name }));
      return rankDirectoryHits(query, candidates, limit).map((hit) => ({ kind: hit.kind, id: hit.id, name: hit.name, rank: hit.rank }));
    });
  }

  async findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    return this.#runner.read((tx) => tx.first(Q.findIdempotencyKey, { key }, IdempotencyRow));
  }

  // -- writes ----------------------------------------------------------------

  /**
   * Batches of `batchSize` rows, one transaction each (a seed of a million
   * households cannot sit in one transaction's memory): a failed batch rolls
   * back alone, and rerunning is safe because every row is written by id.
   *
   * Like the memory adapter, it does not check references, so a seed may write
   * its kinds in any order; a reference edge is drawn only when its target is
   * already there (seedStore writes places and stakeholders first, so a seed
   * gets every edge). Relationships are the exception: a relationship edge needs both
   * ends, so a missing end is NOT_FOUND. A repeated id in `rows`: the last row
   * wins. A unique key held by another record: CONFLICT naming it.
   */
  async upsertMany<K extends EntityKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>): Promise<{ written: number }> {
    const byId = new Map<string, EntityMap[K]>();
    rows.forEach((row, index) => {
      const parsed = validateEntity(kind, row, [index]);
      byId.set((parsed as { id: string }).id, parsed);
    });
    const unique = [...byId.values()];
    assertNoRepeatedUniqueKeys(kind, unique);
    const queries = KIND_QUERIES[kind];
    let written = 0;
    for (let start = 0; start < unique.length; start += this.#batchSize) {
      const batch = unique.slice(start, start + this.#batchSize);
      try {
        written += await this.#runner.write(async (tx) => {
          if (kind === 'AuditEvent') await assertAuditUnchanged(tx, batch as Array<EntityMap['AuditEvent']>);
          if (kind === 'Relationship') await assertReferences(tx, 'Relationship', batch, { firstRow: start });
          const ids = batch.map((e) => (e as { id: string }).id);
          const before = COUNTED_KINDS.has(kind) || queries.linkInbound !== null ? await getMany(tx, kind, ids) : [];
          const result = await tx.first(queries.upsert, { rows: batch.map((e) => upsertRow(kind, e)) }, WrittenRow);
          await link(tx, kind, batch);
          await linkInbound(tx, kind, ids.filter((_, i) => !before[i]));
          await keepCounters(tx, kind, batch.map((after, i) => ({ before: before[i] ?? null, after })));
          return result?.written ?? 0;
        }, { timeoutMs: this.#bulkTimeoutMs });
      } catch (error) {
        if (isConstraintConflict(error)) await this.#explainUniqueConflict(kind, batch);
        throw error;
      }
    }
    return { written };
  }

  /**
   * First load of rows known to be new (issue 13 item 5; see GraphStore.insertNew): per batch one
   * transaction that CREATEs the nodes with their reference edges (insertNewPlan.ts: households, needs,
   * people; the other kinds are checked new by id, then upserted and linked) and adds them to the village
   * counters, as upsertMany would on an empty store but without reading rows before or deleting edges.
   * A stored id breaks the id constraint, the batch rolls back whole, and the CONFLICT names kind and id.
   */
  async insertNew<K extends EntityKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>, options: InsertNewOptions = {}): Promise<{ written: number }> {
    const parsed = options.validated === true ? rows : rows.map((row, index) => validateEntity(kind, row, [index]));
    const seen = new Set<string>();
    parsed.forEach((row, index) => {
      const id = (row as { id: string }).id;
      if (seen.has(id)) throw notNewConflict('store/neo4j', kind, id, index, true);
      seen.add(id);
    });
    assertNoRepeatedUniqueKeys(kind, parsed);
    const plan = INSERT_NEW_PLAN[kind];
    const size = this.#insertBatchSizes[kind] ?? plan?.batch ?? INSERT_NEW_DEFAULT_BATCH;
    let written = 0;
    for (let start = 0; start < parsed.length; start += size) {
      const batch = parsed.slice(start, start + size);
      try {
        written += await this.#runner.write(async (tx) => {
          if (kind === 'Relationship') await assertReferences(tx, 'Relationship', batch, { firstRow: start });
          let count: number;
          if (plan) {
            const spec = KIND_QUERIES[kind].link;
            const rowOf = (e: EntityMap[K]): Params => ({ ...(spec ? spec.row(e) : {}), props: toProps(kind, e) });
            count = (await tx.first(plan.create, { rows: batch.map(rowOf) }, WrittenRow))?.written ?? 0;
          } else {
            await assertAllNew(tx, kind, batch, start);
            count = (await tx.first(KIND_QUERIES[kind].upsert, { rows: batch.map((e) => upsertRow(kind, e)) }, WrittenRow))?.written ?? 0;
            await link(tx, kind, batch);
          }
          // As upsertMany does for a new record: edges from records written before it (none in a seed's order).
          await linkInbound(tx, kind, batch.map((e) => (e as { id: string }).id));
          await keepCounters(tx, kind, batch.map((after) => ({ before: null, after })));
          return count;
        }, { timeoutMs: this.#bulkTimeoutMs });
      } catch (error) {
        if (isConstraintConflict(error)) {
          await this.#runner.read((tx) => assertAllNew(tx, kind, batch, start));
          await this.#explainUniqueConflict(kind, batch);
        }
        throw error;
      }
    }
    return { written };
  }

  async upsertCategories(rows: ReadonlyArray<Category>): Promise<void> {
    const parsed = rows.map((row, index) => validateCategory(row, [index]));
    if (parsed.length === 0) return;
    await this.#runner.write(async (tx) => {
      // No version bump: categories are not part of the stakeholder projection (readers list them fresh).
      await tx.rows(Q.upsertCategories, { rows: parsed }, WrittenRow);
    });
  }

  async create<K extends MutableKind>(kind: K, entity: EntityMap[K], options: { idempotency?: IdempotencyClaim } = {}): Promise<EntityMap[K]> {
    const parsed = validateEntity(kind, entity);
    const claim = options.idempotency;
    return retryConstraintRaces(() =>
      this.#runner.write(async (tx) => {
        if (claim !== undefined) {
          const earlier = await claimIdempotencyKey(tx, claim, kind, parsed.id);
          if (earlier) return getOne(tx, kind, earlier.resultId);
        }
        await createIn(tx, kind, parsed);
        return getOne(tx, kind, parsed.id);
      }),
    );
  }

  /** One transaction for every entity (the household import's all-or-nothing): checks as create, then one UNWIND upsert. */
  async createMany<K extends MutableKind>(kind: K, entities: ReadonlyArray<EntityMap[K]>): Promise<{ written: number }> {
    const parsed = entities.map((entity, index) => validateEntity(kind, entity, [index]));
    if (parsed.length === 0) return { written: 0 };
    const ids = parsed.map((e) => (e as { id: string }).id);
    const atIndex = (index: number, work: () => unknown) => {
      try {
        return work();
      } catch (error) {
        throw error instanceof HuzhuError ? new HuzhuError(error.code, error.message, { path: [index, ...error.path], details: error.details }) : error;
      }
    };
    const held = new Map<string, number>();
    parsed.forEach((entity, index) =>
      atIndex(index, () => {
        for (const key of [{ key: 'id', value: ids[index] as string, path: ['id'] }, ...uniqueKeyValues(kind, entity)]) {
          const holder = held.get(`${key.key}\u0001${key.value}`);
          if (holder !== undefined) throw conflict(kind, key.key, ids[holder] as string, key.path);
          held.set(`${key.key}\u0001${key.value}`, index);
        }
      }),
    );
    return retryConstraintRaces(() =>
      this.#runner.write(async (tx) => {
        const existing = await getMany(tx, kind, ids);
        const taken = existing.findIndex((e) => e !== null);
        if (taken >= 0) atIndex(taken, () => { throw conflict(kind, 'id', ids[taken] as string, ['id']); });
        await assertReferences(tx, kind, parsed, { firstRow: 0 });
        for (const [index, entity] of parsed.entries()) {
          await assertUniqueKeys(tx, kind, entity).catch((error: unknown) => atIndex(index, () => { throw error; }));
        }
        const result = await tx.first(KIND_QUERIES[kind].upsert, { rows: parsed.map((e) => upsertRow(kind, e)) }, WrittenRow);
        await link(tx, kind, parsed);
        await linkInbound(tx, kind, ids);
        await keepCounters(tx, kind, parsed.map((after) => ({ before: null, after })));
        return { written: result?.written ?? 0 };
      }, { timeoutMs: this.#bulkTimeoutMs }),
    );
  }

  async update<K extends MutableKind>(kind: K, entity: EntityMap[K], options: { expectedVersion?: number } = {}): Promise<EntityMap[K]> {
    const parsed = validateEntity(kind, entity);
    const { expectedVersion } = options;
    return retryConstraintRaces(() =>
      this.#runner.write(async (tx) => {
        let before: EntityMap[K] | null = null;
        if (kind === 'Household' && expectedVersion !== undefined && expectedVersion !== null) {
          // Lock first, then compare: of two updates from the same version only the first can pass.
          const stored = await tx.first(Q.lockHousehold, { id: parsed.id }, VersionRow);
          if (!stored) throw notFound(kind, parsed.id, ['id']);
          before = (await getMany(tx, kind, [parsed.id]))[0] ?? null;
          if (stored.version !== expectedVersion) {
            throw new HuzhuError(
              'CONFLICT',
              `store/neo4j: update Household: ${parsed.id} is at version ${stored.version}, not ${expectedVersion}; ` +
                'someone changed it since you read it (read it again and retry)',
              { path: ['expectedVersion'], details: { existingId: parsed.id, expectedVersion, actualVersion: stored.version } },
            );
          }
        } else {
          const [existing] = await getMany(tx, kind, [parsed.id]);
          if (!existing) throw notFound(kind, parsed.id, ['id']);
          before = existing;
          const actualVersion = (existing as { version?: unknown }).version;
          if (expectedVersion !== undefined && expectedVersion !== null && actualVersion !== expectedVersion) {
            // Only households carry a version; asking for one elsewhere can never match (as in the memory adapter).
            throw new HuzhuError('CONFLICT', `store/neo4j: update ${kind}: ${parsed.id} has no version ${expectedVersion}`, {
              path: ['expectedVersion'],
              details: { existingId: parsed.id, expectedVersion, actualVersion },
            });
          }
        }
        await updateIn(tx, kind, parsed, before);
        return getOne(tx, kind, parsed.id);
      }),
    );
  }

  async setServiceCapacity(serviceId: string, capacity: number | null): Promise<EntityMap['Service']> {
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 0)) {
      throw badInput(`store/neo4j: setServiceCapacity: capacity must be null or a whole number of 0 or more, got ${String(capacity)}`, ['capacity']);
    }
    return this.#runner.write(async (tx) => {
      const service = await tx.first(Q.setServiceCapacity, { serviceId, capacity }, entityRow('Service'));
      if (!service) throw notFound('Service', serviceId, ['serviceId']);
      await bumpNetworkVersion(tx); // capacity is part of the projection (rare: partners and admins)
      // More places may be owed to the waiting list (issue 14 item 3); the port gives no clock here.
      await settleInTx(tx, serviceId, new Date().toISOString());
      return service;
    });
  }

  async createReferral(referral: Referral): Promise<{ referral: Referral; created: boolean }> {
    const parsed = validateEntity('Referral', referral);
    return retryConstraintRaces(() =>
      this.#runner.write(async (tx) => {
        const earlier = await findReferral(tx, parsed.idempotencyKey);
        if (earlier) return { referral: earlier, created: false };
        const [sameId] = await getMany(tx, 'Referral', [parsed.id]);
        if (sameId) throw conflict('Referral', 'id', parsed.id, ['id']);
        await assertReferences(tx, 'Referral', [parsed]);
        if (ACTIVE_REFERRAL_STATUSES.includes(parsed.status)) {
          // Without waiting for the service's lock: a service already full when read is full at that instant,
          // so the answer is consistent, and a crowd racing for the last unit does not queue behind the winner.
          const [seen] = await getMany(tx, 'Service', [parsed.serviceId]);
          if (seen && seen.capacity !== null && seen.activeReferrals >= seen.capacity) {
            const twin = await findReferral(tx, parsed.idempotencyKey);
            if (twin) return { referral: twin, created: false };
            throw capacityExhausted(seen.id, seen.capacity, seen.activeReferrals);
          }
          const claim = await tx.first(Q.claimServiceCapacity, { serviceId: parsed.serviceId }, ClaimRow);
          if (!claim) throw notFound('Service', parsed.serviceId, ['serviceId']);
          if (!claim.claimed) {
            // The claim waited for the service's lock; a twin with our key may have committed meanwhile.
            const twin = await findReferral(tx, parsed.idempotencyKey);
            if (twin) return { referral: twin, created: false };
            throw capacityExhausted(parsed.serviceId, claim.capacity, claim.activeReferrals);
          }
          // The claim holds the service's lock: the waiting list decides whether this unit is this need's (issue 14 item 3).
          const status = seen?.status ?? 'ACTIVE';
          await claimForReferral(tx, { id: parsed.serviceId, capacity: claim.capacity, activeReferrals: claim.activeReferrals - 1, status }, parsed.needId, parsed.createdAt);
        }
        await tx.rows(Q.createReferral, { props: toProps('Referral', parsed) }, IdRow);
        await link(tx, 'Referral', [parsed]);
        await tx.rows(Q.setNeedStatus, { needId: parsed.needId, status: 'REFERRED', updatedAt: parsed.createdAt }, IdRow);
        await applyReferralChanges(tx, [{ before: null, after: parsed }]);
        return { referral: await getOne(tx, 'Referral', parsed.id), created: true };
      }),
    );
  }

  async transitionReferral(
    referralId: string,
    from: ReferralStatus,
    transition: ReferralTransition,
    needStatus: NeedStatus | null,
    options: { idempotency?: IdempotencyClaim } = {},
  ): Promise<Referral> {
    const claim = options.idempotency;
    return retryConstraintRaces(() => this.#runner.write(async (tx) => {
      if (claim !== undefined) {
        // First, before the lock and the status check: a retry of a step already taken finds it here.
        const earlier = await claimIdempotencyKey(tx, claim, 'Referral', referralId);
        if (earlier) return getOne(tx, 'Referral', earlier.resultId);
      }
      const current = await tx.first(Q.lockReferral, { id: referralId }, entityRow('Referral'));
      if (!current) throw notFound('Referral', referralId, ['referralId']);
      if (current.status !== from) {
        throw new HuzhuError(
          'CONFLICT',
          `store/neo4j: transitionReferral: ${referralId} is ${current.status}, not ${from}; it changed since you read it (read it again)`,
          { path: ['from'], details: { existingId: referralId, expected: from, actual: current.status } },
        );
      }
      const next = validateEntity(
        'Referral',
        {
          ...current,
          status: transition.status,
          reason: transition.reason,
          transitions: [...current.transitions, transition],
          updatedAt: transition.at,
        },
        ['transition'],
      );
      await tx.rows(Q.upsertReferrals, { rows: [upsertRow('Referral', next)] }, WrittenRow);
      const wasActive = ACTIVE_REFERRAL_STATUSES.includes(current.status);
      const isActive = ACTIVE_REFERRAL_STATUSES.includes(next.status);
      if (wasActive && !isActive) {
        await tx.rows(Q.releaseServiceCapacity, { serviceId: next.serviceId }, z.object({ activeReferrals: z.number() }));
      } else if (!wasActive && isActive) {
        // Reopening an ended referral takes a unit again, under the same rule as a new one.
        const claim = await tx.first(Q.claimServiceCapacity, { serviceId: next.serviceId }, ClaimRow);
        if (!claim) throw notFound('Service', next.serviceId, ['serviceId']);
        if (!claim.claimed) throw capacityExhausted(next.serviceId, claim.capacity, claim.activeReferrals);
      }
      if (needStatus !== null) {
        const need = await tx.first(Q.setNeedStatus, { needId: next.needId, status: needStatus, updatedAt: transition.at }, IdRow);
        if (!need) throw notFound('Need', next.needId, ['needId']);
      }
      // The released unit goes to the first waiting need in this same transaction (issue 14 item 3).
      if (wasActive && !isActive) await settleInTx(tx, next.serviceId, transition.at);
      await applyReferralChanges(tx, [{ before: current, after: next }]);
      return getOne(tx, 'Referral', referralId);
    }));
  }

  // -- the seed's record ---------------------------------------------------------

  async getSeedRun(): Promise<SeedRun | null> {
    return this.#runner.read((tx) => tx.first(Q.getSeedRun, {}, SeedRun));
  }

  async putSeedRun(run: SeedRun): Promise<void> {
    const parsed = parseInput(SeedRun, run, ['run']);
    // No version bump: the seed's record is not data that caches keyed on version() hold.
    await this.#runner.write((tx) => tx.rows(Q.mergeSeedRun, { ...parsed }, z.object({})));
  }

  async appendAudit(event: EntityMap['AuditEvent']): Promise<void> {
    const parsed = validateEntity('AuditEvent', event);
    await retryConstraintRaces(() =>
      this.#runner.write(async (tx) => {
        const [existing] = await getMany(tx, 'AuditEvent', [parsed.id]);
        if (existing) throw conflict('AuditEvent', 'id', parsed.id, ['id']);
        // No version bump: an audit event changes no data, and caches keyed on version() must survive reads.
        await tx.rows(Q.createAuditEvent, { props: toProps('AuditEvent', parsed) }, IdRow);
      }),
    );
  }

  // -- saved plans (Neo4jPlans.ts; applyPlan's network writes here) -----------

  createPlan(plan: PlanRecord): Promise<PlanRecord> {
    return this.#plans.create(plan);
  }

  getPlan(id: string): Promise<PlanRecord | null> {
    return this.#plans.get(id);
  }

  listPlans(page: PageRequest): Promise<Page<PlanRecord>> {
    return this.#plans.list(page);
  }

  updatePlan(plan: PlanRecord, options: { expectedVersion: number }): Promise<PlanRecord> {
    return this.#plans.update(plan, options);
  }

  deletePlan(id: string, options: { expectedVersion: number }): Promise<void> {
    return this.#plans.delete(id, options);
  }

  /** One transaction: the plan locked and checked, each write as create/update would do it, the plan marked APPLIED. */
  async applyPlan(application: PlanApplication): Promise<PlanRecord> {
    const writes = application.writes.map((write, index) => {
      try {
        return { ...write, entity: validateEntity(write.kind, write.entity) } as PlanWrite;
      } catch (error) {
        throw atPlanWrite(error, index);
      }
    });
    return retryConstraintRaces(() =>
      this.#runner.write(async (tx) => {
        const stored = await this.#plans.lockForApply(tx, application);
        for (const [index, write] of writes.entries()) {
          try {
            if (write.op === 'create') await createIn(tx, write.kind, write.entity);
            else {
              const [before] = await getMany(tx, write.kind, [write.entity.id]);
              if (!before) throw notFound(write.kind, write.entity.id, ['id']);
              await updateIn(tx, write.kind, write.entity, before);
            }
          } catch (error) {
            throw atPlanWrite(error, index);
          }
        }
        return this.#plans.markApplied(tx, stored, application);
      }),
    );
  }

  // -- accounts (Neo4jAccounts.ts) -------------------------------------------

  createAccount(account: AccountRecord): Promise<AccountRecord> {
    return this.#accounts.create(account);
  }

  getAccounts(ids: readonly string[]): Promise<Array<AccountRecord | null>> {
    return this.#accounts.getMany(ids);
  }

  findAccountByLogin(login: string): Promise<AccountRecord | null> {
    return this.#accounts.findByLogin(login);
  }

  listAccounts(page: PageRequest): Promise<Page<AccountRecord>> {
    return this.#accounts.list(page);
  }

  updateAccount(account: AccountRecord, options: { expectedVersion: number; resetLock?: boolean }): Promise<AccountRecord> {
    return this.#accounts.update(account, options);
  }

  recordAccountLoginFailure(id: string, attempt: { at: string; lockAfter: number; lockUntil: string }): Promise<AccountRecord> {
    return this.#accounts.recordFailure(id, attempt);
  }

  recordAccountLogin(id: string, login: { at: string; passwordHash: string | null }): Promise<AccountRecord> {
    return this.#accounts.recordLogin(id, login);
  }

  endAccountSessions(id: string, at: string): Promise<AccountRecord> {
    return this.#accounts.endSessions(id, at);
  }

  getLoginNameFailures(key: string): Promise<{ failedAttempts: number; lockedUntil: string | null }> {
    return this.#accounts.getLoginNameFailures(key);
  }

  recordLoginNameFailure(key: string, attempt: { at: string; lockAfter: number; lockUntil: string }): Promise<{ failedAttempts: number; lockedUntil: string | null }> {
    return this.#accounts.recordLoginNameFailure(key, attempt);
  }

  // -- pushed alerts (Neo4jAlerts.ts) -----------------------------------------

  recordAlert(alert: AlertRecord): Promise<{ alert: AlertRecord; created: boolean }> {
    return this.#alerts.record(alert);
  }

  listAlerts(query: AlertListQuery, page: PageRequest): Promise<Page<AlertRecord> & { unreadCount: number }> {
    return this.#alerts.list(query, page);
  }

  getAlerts(ids: readonly string[]): Promise<Array<AlertRecord | null>> {
    return this.#alerts.getMany(ids);
  }

  markAlertsRead(ids: readonly string[], readerId: string): Promise<AlertRecord[]> {
    return this.#alerts.markRead(ids, readerId);
  }

  setAlertDelivery(id: string, sink: string, delivery: AlertDelivery): Promise<AlertRecord> {
    return this.#alerts.setDelivery(id, sink, delivery);
  }

  // -- waiting lists (Neo4jWaitlist.ts) -------------------------------------------

  joinWaitlist(entry: WaitlistEntry): Promise<{ entry: WaitlistEntry; created: boolean }> {
    return this.#waitlist.join(entry);
  }

  leaveWaitlist(serviceId: string, needId: string, at: string): Promise<WaitlistEntry | null> {
    return this.#waitlist.leave(serviceId, needId, at);
  }

  settleWaitlist(serviceId: string, at: string): Promise<WaitlistEntry[]> {
    return this.#waitlist.settle(serviceId, at);
  }

  listWaitlist(serviceId: string): Promise<WaitlistEntry[]> {
    return this.#waitlist.list(serviceId);
  }

  waitlistEntriesOfNeeds(needIds: readonly string[]): Promise<WaitlistEntry[]> {
    return this.#waitlist.ofNeeds(needIds);
  }

  /** After a batch hit a uniqueness constraint: CONFLICT naming the record that holds the key (else nothing). */
  async #explainUniqueConflict(kind: EntityKind, batch: readonly object[]): Promise<void> {
    if (!(kind in UNIQUE_KEY_LOOKUPS)) return;
    await this.#runner.read(async (tx) => {
      for (const entity of batch) await assertUniqueKeys(tx, kind, entity);
    });
  }
}

// Private:

const INIT_BUDGET_MS = 300_000;

/** Constraints first (their indexes serve MERGE and lookups), then the extra indexes. */
const SCHEMA_STATEMENTS: readonly QueryName[] = [
  Q.createConstraintTownshipId,
  Q.createConstraintVillageId,
  Q.createConstraintHouseholdId,
  Q.createConstraintNeedId,
  Q.createConstraintPersonId,
  Q.createConstraintOrganizationId,
  Q.createConstraintServiceId,
  ...RELATIONSHIP_SCHEMA_STATEMENTS,
  Q.createConstraintReferralId,
  Q.createConstraintAssistanceId,
  Q.createConstraintConsentId,
  Q.createConstraintAuditEventId,
  Q.createConstraintStakeholderId,
  Q.createConstraintCategoryCode,
  Q.createConstraintNetworkVersionName,
  Q.createConstraintSeedRunName,
  Q.createConstraintAccountId,
  Q.createConstraintAccountLogin,
  Q.createConstraintLoginNameFailureKey,
  Q.createConstraintAlertId,
  Q.createConstraintAlertKey,
  Q.createConstraintTownshipCode,
  Q.createConstraintVillageCode,
  Q.createConstraintHouseholdCode,
  Q.createConstraintHuzhuSchemaName,
  Q.createConstraintReferralIdempotencyKey,
  Q.createConstraintIdempotencyKey,
  Q.createConstraintWaitlistEntryKey,
  Q.createConstraintPlanId,
  Q.createIndexWaitlistEntryServiceId,
  Q.createIndexWaitlistEntryNeedId,
  Q.createIndexTownshipLocation,
  Q.createIndexVillageLocation,
  Q.createIndexOrganizationLocation,
  Q.createIndexServiceLocation,
  Q.createIndexVillageTownshipId,
  Q.createIndexHouseholdVillageId,
  Q.createIndexHouseholdLoanOfficerId,
  Q.createIndexHouseholdVulnerabilityScore,
  Q.createIndexNeedHouseholdId,
  Q.createIndexNeedStatus,
  Q.createIndexNeedCategory,
  Q.createIndexPersonOrganizationId,
  Q.createIndexServiceOrganizationId,
  Q.createIndexServiceStatus,
  Q.createIndexReferralNeedId,
  Q.createIndexReferralServiceId,
  Q.createIndexReferralStatus,
  Q.createIndexAssistanceNeedId,
  Q.createIndexAssistanceReferralId,
  Q.createIndexConsentHouseholdId,
  Q.createIndexAuditEventEntityId,
  Q.createIndexHouseholdSearchName,
  Q.createIndexHouseholdSearchPinyin,
  Q.createIndexHouseholdSearchPhone,
  Q.createIndexHouseholdSearchCode,
  Q.createIndexDirectorySearchName,
  Q.createIndexDirectorySearchPinyin,
];

/** Edges per transaction in the start-up layout upgrade. */
const SCHEMA_UPGRADE_BATCH = 2_000;

/** Villages or services per transaction in the start-up counter backfill. */
const COUNTER_BACKFILL_BATCH = 500;

/** Records per transaction in the start-up search-key backfill. */
const BACKFILL_BATCH = 2_000;

const StaleKeysRow = z.object({
  id: z.string(),
  headJson: z.string().nullable().optional(),
  householdCode: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
});

/** The search* properties of a record from the properties keys are made of; a record it cannot read is only marked done. */
function backfillKeys(row: z.infer<typeof StaleKeysRow>): Record<string, unknown> {
  const done = { searchKeysVersion: SEARCH_KEYS_VERSION };
  const kind = kindOfId(row.id);
  if (kind === null || !isSearchableKind(kind)) return done;
  if (kind === 'Household') {
    let head: unknown = null;
    try {
      head = JSON.parse(row.headJson ?? 'null');
    } catch {
      return done;
    }
    const parsed = HouseholdHead.safeParse(head);
    if (!parsed.success) return done;
    return searchProps('Household', { head: parsed.data, householdCode: row.householdCode ?? null } as EntityMap['Household']);
  }
  if (typeof row.name !== 'string') return done;
  return searchProps(kind, { name: row.name, displayName: row.displayName ?? row.name } as EntityMap['Village']);
}
/** The stored search keys of a candidate (cypher/searchHouseholdsBy*.cypher). */
const SearchKeysRow = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    pinyinWhole: z.array(z.string()).nullable(),
    pinyin: z.string().nullable(),
    phone: z.string().nullable().optional(),
    code: z.string().nullable().optional(),
  })
  .transform(
    (row): SearchCandidate => ({
      id: row.id,
      keys: {
        name: row.name ?? '',
        pinyinWhole: row.pinyinWhole ?? [],
        pinyinTokens: row.pinyin ? row.pinyin.split(' ') : [],
        phone: row.phone ?? null,
        code: row.code ?? null,
      },
    }),
  );
const DirectoryKeysRow = z
  .object({ displayName: z.string(), id: z.string(), name: z.string().nullable(), pinyinWhole: z.array(z.string()).nullable(), pinyin: z.string().nullable() })
  .transform((row) => ({ displayName: row.displayName, candidate: SearchKeysRow.parse({ ...row, phone: null, code: null }) }));

function assertSearchLimit(operation: string, first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`store/neo4j: ${operation}: first must be a whole number from 0 to ${MAX_PAGE_SIZE}, got ${String(first)}`, ['first']);
  }
}

/** Unique-key lookups per UNIQUE_KEYS entry: the id of the record holding the key, if any. */
const UNIQUE_KEY_LOOKUPS: Partial<Record<EntityKind, Record<string, (entity: Record<string, unknown>) => { query: QueryName; params: Params }>>> = {
  Household: { householdCode: (h) => ({ query: Q.findHouseholdByCode, params: { householdCode: h['householdCode'] } }) },
  Township: { code: (t) => ({ query: Q.findTownshipByCode, params: { code: t['code'] } }) },
  Village: { code: (v) => ({ query: Q.findVillageByCode, params: { code: v['code'] } }) },
  Relationship: {
    'fromId+toId+type': (r) => ({
      query: Q.findRelationshipByEnds,
      params: { fromId: r['fromId'], toId: r['toId'], type: r['type'] },
    }),
  },
};

const IdRow = z.object({ id: z.string() });
const PropsRecord = z.record(z.string(), z.unknown());
/** One stored record's properties as a domain record (entityRow), or null. */
const propsOf = <K extends EntityKind>(kind: K) => PropsRecord.nullable().transform((props) => (props === null ? null : entityRow(kind).parse({ props })));
/**
 * listPlanningNeeds' one row of columns (cypher/listPlanningNeeds.cypher), as
 * PlanningNeedRows: every column checked by its zod schema and all of one
 * length; '' and found=false stand for the nulls collect() would drop.
 */
const PlanningNeedColumns = z
  .object({
    ids: z.array(z.string()),
    householdIds: z.array(z.string()),
    categories: z.array(z.string()),
    urgencies: z.array(Urgency),
    createdAts: z.array(z.string()),
    updatedAts: z.array(z.string()),
    found: z.array(z.boolean()),
    villageIds: z.array(z.string()),
    scores: z.array(z.number()),
    ageBands: z.array(z.array(AgeBand)),
    markers: z.array(z.array(Marker)),
    officers: z.array(z.string()),
  })
  .refine((c) => Object.values(c).every((column) => column.length === c.ids.length), { message: 'columns of different lengths' })
  .transform((c): PlanningNeedRow[] =>
    c.ids.map((id, i) => ({
      need: {
        id,
        householdId: c.householdIds[i] as string,
        category: c.categories[i] as string,
        urgency: c.urgencies[i] as Urgency,
        createdAt: c.createdAts[i] as string,
        updatedAt: c.updatedAts[i] as string,
      },
      household: c.found[i]
        ? {
            id: c.householdIds[i] as string,
            villageId: c.villageIds[i] as string,
            vulnerabilityScore: c.scores[i] as number,
            memberAgeBands: c.ageBands[i] as AgeBand[],
            markers: c.markers[i] as Marker[],
            creditOfficerId: c.officers[i] || null,
          }
        : null,
    })),
  );

const MatchContextRow = z
  .object({
    need: PropsRecord.transform((props) => entityRow('Need').parse({ props })),
    household: propsOf('Household'),
    village: propsOf('Village'),
    township: propsOf('Township'),
    consents: z.array(PropsRecord).transform((rows) => rows.map((props) => entityRow('Consent').parse({ props }))),
  })
  .transform((row): NeedMatchContext => row);
/** Reads of the projection before networkProjection gives up (each one retried only when a write landed during it). */
const NETWORK_PROJECTION_ATTEMPTS = 5;
const projectionList = <K extends EntityKind>(kind: K) =>
  z.array(PropsRecord).transform((rows) => rows.map((props) => entityRow(kind).parse({ props })));
const NetworkProjectionRow = z.object({
  version: z.number(),
  townships: projectionList('Township'),
  villages: projectionList('Village'),
  people: projectionList('Person'),
  organizations: projectionList('Organization'),
  services: projectionList('Service'),
  relationships: projectionList('Relationship'),
});
const TotalRow = z.object({ total: z.number().int().min(0) });
const VersionRow = z.object({ version: z.number() });
const WrittenRow = z.object({ written: z.number().int().min(0) });
const LinkedRow = z.object({ linked: z.number().int().min(0) });
const CategoryRow = z.object({ props: Category }).transform((row) => row.props);
const IdempotencyRow = z.object({
  key: z.string(),
  operation: z.string(),
  fingerprint: z.string(),
  resultKind: z.enum(ENTITY_KINDS as [EntityKind, ...EntityKind[]]),
  resultId: z.string(),
});
const IdempotencyClaimRow = IdempotencyRow.extend({ created: z.boolean() });
const ClaimRow = z.object({ claimed: z.boolean(), capacity: z.number().nullable(), activeReferrals: z.number() });
const VillageCountRow = z.object({
  villageId: z.string(),
  households: z.number().int().min(0),
  vulnerable: z.number().int().min(0),
});
const VillageMarkerRow = z.object({ villageId: z.string(), marker: Marker, households: z.number().int().min(0) });

async function getMany<K extends EntityKind>(tx: QueryTx, kind: K, ids: readonly string[]): Promise<Array<EntityMap[K] | null>> {
  const found = await tx.rows(KIND_QUERIES[kind].getByIds, { ids: [...new Set(ids)] }, entityRow(kind));
  const byId = new Map(found.map((entity) => [(entity as { id: string }).id, entity]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Read back what a write stored (validated like every other row). */
async function getOne<K extends EntityKind>(tx: QueryTx, kind: K, id: string): Promise<EntityMap[K]> {
  const [entity] = await getMany(tx, kind, [id]);
  if (!entity) throw new Error(`store/neo4j: ${kind} ${id} is missing right after it was written`);
  return entity;
}

async function findReferral(tx: QueryTx, idempotencyKey: string): Promise<Referral | null> {
  return tx.first(Q.findReferralByIdempotencyKey, { idempotencyKey }, entityRow('Referral'));
}

/**
 * Claims `claim.key` for the write running in `tx` (first statement of the
 * transaction, so concurrent requests with one key serialise on the key's
 * uniqueness constraint): null when the key is new (the write goes on and the
 * key commits or rolls back with it), else what the first write recorded,
 * after checking it was the same request (CONFLICT otherwise).
 */
async function claimIdempotencyKey(tx: QueryTx, claim: IdempotencyClaim, resultKind: EntityKind, resultId: string): Promise<IdempotencyRecord | null> {
  const row = await tx.first(
    Q.claimIdempotencyKey,
    { key: claim.key, operation: claim.operation, fingerprint: claim.fingerprint, resultKind, resultId, claim: randomUUID() },
    IdempotencyClaimRow,
  );
  if (!row) throw new Error('store/neo4j: claimIdempotencyKey returned no row');
  if (row.created) return null;
  const recorded: IdempotencyRecord = { key: row.key, operation: row.operation, fingerprint: row.fingerprint, resultKind: row.resultKind, resultId: row.resultId };
  assertSameIdempotentRequest(recorded, claim);
  if (recorded.resultKind !== resultKind) throw new Error(`store/neo4j: idempotency key recorded for a ${recorded.resultKind}, not a ${resultKind}`);
  return recorded;
}

/** Kinds whose writes move counters (networkCounters.ts): their stored records are read before an upsert. */
const COUNTED_KINDS: ReadonlySet<EntityKind> = new Set(['Household', 'Referral']);

/**
 * The end of every entity write, in its transaction: household and referral
 * writes add their deltas to the Village and Service counters; a village or
 * service just written gets its counters if it has none; writes to the
 * stakeholder projection bump the network version. Nothing else is written
 * by every transaction.
 */
/** create's write, inside a transaction (create, applyPlan): the id free, references and unique keys checked, counters kept. */
async function createIn<K extends MutableKind>(tx: QueryTx, kind: K, parsed: EntityMap[K]): Promise<void> {
  const [existing] = await getMany(tx, kind, [parsed.id]);
  if (existing) throw conflict(kind, 'id', parsed.id, ['id']);
  await assertReferences(tx, kind, [parsed]);
  await assertUniqueKeys(tx, kind, parsed);
  const created = await tx.first(KIND_QUERIES[kind].create, createParams(kind, parsed), IdRow);
  if (!created) throw notFound(kind, parsed.id, ['id']); // only a Relationship whose end vanished meanwhile
  await link(tx, kind, [parsed]);
  await linkInbound(tx, kind, [parsed.id]);
  await keepCounters(tx, kind, [{ before: null, after: parsed }]);
}

/** update's write of `parsed` over the stored `before`, inside a transaction (update, applyPlan); keeps the store's activeReferrals. */
async function updateIn<K extends MutableKind>(tx: QueryTx, kind: K, parsed: EntityMap[K], before: EntityMap[K] | null): Promise<void> {
  await assertReferences(tx, kind, [parsed]);
  await assertUniqueKeys(tx, kind, parsed);
  const row = upsertRow(kind, parsed);
  // activeReferrals belongs to the store (claims and releases); an update must not overwrite it.
  if (kind === 'Service') delete (row['props'] as Record<string, unknown>)['activeReferrals'];
  await tx.rows(KIND_QUERIES[kind].upsert, { rows: [row] }, WrittenRow);
  await link(tx, kind, [parsed]);
  await keepCounters(tx, kind, [{ before, after: parsed }]);
}

async function keepCounters<K extends EntityKind>(tx: QueryTx, kind: K, changes: ReadonlyArray<{ before: EntityMap[K] | null; after: EntityMap[K] }>): Promise<void> {
  if (changes.length === 0) return;
  if (kind === 'Household') await applyHouseholdChanges(tx, changes as ReadonlyArray<{ before: EntityMap['Household'] | null; after: EntityMap['Household'] }>);
  if (kind === 'Referral') await applyReferralChanges(tx, changes as ReadonlyArray<{ before: Referral | null; after: Referral }>);
  const ids = changes.map((c) => (c.after as { id: string }).id);
  if (kind === 'Village') await computeVillageCounters(tx, ids, ids.length);
  if (kind === 'Service') await computeServiceCounters(tx, ids, ids.length);
  if (NETWORK_KINDS.includes(kind)) await bumpNetworkVersion(tx);
}

/** The list/count parameters for `filter`: every filter field, null when not given; an unknown field is BAD_USER_INPUT. */
function filterParamsOf(kind: EntityKind, keys: readonly string[], filter: object | null | undefined): Params {
  const given = (filter ?? {}) as Record<string, unknown>;
  for (const [field, value] of Object.entries(given)) {
    if (value !== undefined && value !== null && !keys.includes(field)) {
      throw badInput(`store/neo4j: ${kind} cannot be filtered by "${field}"; filters are ${keys.join(', ')}`, ['filter', field]);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, given[key] ?? null]));
}

function upsertRow<K extends EntityKind>(kind: K, entity: EntityMap[K]): Params {
  if (kind === 'Relationship') return { id: (entity as EntityMap['Relationship']).id, ...relationshipRow(entity as EntityMap['Relationship']) };
  return { id: (entity as { id: string }).id, props: toProps(kind, entity) };
}

function createParams<K extends MutableKind>(kind: K, entity: EntityMap[K]): Params {
  if (kind === 'Relationship') return relationshipRow(entity as EntityMap['Relationship']);
  return { props: toProps(kind, entity) };
}

/**
 * A relationship's edge: its type is the edge's Neo4j type (relationshipTypes.ts), not a property;
 * fromId/toId stay as properties for the per-type (fromId, toId) uniqueness constraint, while reads take
 * the ends from the pattern.
 */
function relationshipRow(r: EntityMap['Relationship']): Params {
  const props = toProps('Relationship', r);
  delete props['type'];
  return { fromId: r.fromId, toId: r.toId, type: r.type, props };
}

async function link<K extends EntityKind>(tx: QueryTx, kind: K, entities: ReadonlyArray<EntityMap[K]>): Promise<void> {
  const spec = KIND_QUERIES[kind].link;
  if (spec) await tx.rows(spec.query, { rows: entities.map(spec.row) }, LinkedRow);
}

/**
 * For records a write has just created: draw the edges of the records written
 * before them that point at them (a Village after its Households in
 * upsertMany, a Household after its Needs), so the reference edges that list
 * filters and traversals read are complete whatever the write order.
 */
async function linkInbound(tx: QueryTx, kind: EntityKind, newIds: readonly string[]): Promise<void> {
  const query = KIND_QUERIES[kind].linkInbound;
  if (query && newIds.length > 0) await tx.rows(query, { ids: [...newIds] }, LinkedRow);
}

/**
 * NOT_FOUND (with the field's path, prefixed by the row index in an upsertMany batch) for
 * the first reference that names no record of the right kind.
 */
async function assertReferences(
  tx: QueryTx,
  kind: EntityKind,
  entities: readonly object[],
  batch: { firstRow: number } | null = null,
): Promise<void> {
  if (kind === 'AuditEvent') return;
  const refKind = kind;
  const targets: Array<ReferenceTarget & { row: number }> = [];
  entities.forEach((entity, row) => {
    for (const target of referenceTargets(refKind, entity)) targets.push({ ...target, row });
  });
  if (targets.length === 0) return;
  const existing = new Set<string>();
  const idsByKind = new Map<EntityKind | 'Stakeholder', Set<string>>();
  for (const t of targets) {
    // An id whose prefix names another kind cannot satisfy the reference; no need to ask.
    const actual = kindOfId(t.id);
    if (t.kind !== 'Stakeholder' && actual !== t.kind) continue;
    let ids = idsByKind.get(t.kind);
    if (!ids) idsByKind.set(t.kind, (ids = new Set()));
    ids.add(t.id);
  }
  for (const [targetKind, ids] of idsByKind) {
    const query = targetKind === 'Stakeholder' ? Q.getStakeholderIdsByIds : KIND_QUERIES[targetKind].getByIds;
    for (const row of await tx.rows(query, { ids: [...ids] }, IdRow)) existing.add(`${targetKind}:${row.id}`);
  }
  const missing = targets.find((t) => !existing.has(`${t.kind}:${t.id}`));
  if (missing) {
    const path = batch === null ? missing.path : [batch.firstRow + missing.row, ...missing.path];
    const what =
      missing.kind === 'Stakeholder' ? 'a stakeholder (person, organization, village, township or service)' : `a ${missing.kind}`;
    throw new HuzhuError(
      'NOT_FOUND',
      `store/neo4j: ${kind}: ${missing.path.join('.')} is ${JSON.stringify(missing.id)}, which is not ${what} in the store; ` +
        'create it first or fix the id',
      { path, details: { kind: missing.kind, id: missing.id } },
    );
  }
}

/** insertNew: CONFLICT naming the first row of `batch` (its index in the call: firstRow + i) whose id is stored. */
async function assertAllNew<K extends EntityKind>(tx: QueryTx, kind: K, batch: ReadonlyArray<EntityMap[K]>, firstRow: number): Promise<void> {
  const ids = batch.map((e) => (e as { id: string }).id);
  const stored = await tx.rows(KIND_QUERIES[kind].getByIds, { ids }, IdRow);
  if (stored.length === 0) return;
  const taken = new Set(stored.map((r) => r.id));
  const index = ids.findIndex((id) => taken.has(id));
  throw notNewConflict('store/neo4j', kind, ids[index] as string, firstRow + index, false);
}

/** CONFLICT naming the record that already holds one of `entity`'s unique keys (other than itself). */
async function assertUniqueKeys(tx: QueryTx, kind: EntityKind, entity: object): Promise<void> {
  const self = (entity as { id: string }).id;
  for (const held of uniqueKeyValues(kind, entity)) {
    const lookup = UNIQUE_KEY_LOOKUPS[kind]?.[held.key];
    if (!lookup) throw new Error(`store/neo4j: no lookup for unique key ${kind}.${held.key}; add it to UNIQUE_KEY_LOOKUPS`);
    const { query, params } = lookup(entity as Record<string, unknown>);
    const holder = await tx.first(query, params, IdRow);
    if (holder && holder.id !== self) throw conflict(kind, held.key, holder.id, held.path);
  }
}

/** CONFLICT when two rows of one upsertMany claim the same unique key (the database would only say "taken"). */
function assertNoRepeatedUniqueKeys(kind: EntityKind, rows: readonly object[]): void {
  const holders = new Map<string, string>();
  for (const row of rows) {
    const id = (row as { id: string }).id;
    for (const held of uniqueKeyValues(kind, row)) {
      const slot = `${held.key}\u0001${held.value}`;
      const holder = holders.get(slot);
      if (holder !== undefined && holder !== id) throw conflict(kind, held.key, holder, held.path);
      holders.set(slot, id);
    }
  }
}

/** Audit is append-only: re-upserting an event is fine only when nothing in it changed. */
async function assertAuditUnchanged(tx: QueryTx, batch: ReadonlyArray<EntityMap['AuditEvent']>): Promise<void> {
  const stored = await getMany(tx, 'AuditEvent', batch.map((e) => e.id));
  batch.forEach((event, index) => {
    const old = stored[index];
    if (old && JSON.stringify(old) !== JSON.stringify(event)) {
      throw new HuzhuError(
        'CONFLICT',
        `store/neo4j: upsertMany AuditEvent: ${event.id} exists with other content; audit events are append-only`,
        { path: ['id'], details: { existingId: event.id } },
      );
    }
  });
}

/**
 * CONFLICT on a unique key. The holder's id travels in details.existingId only (the API reveals it to a
 * caller who may read that record); the message names neither it nor the key's value.
 */
function conflict(kind: EntityKind, key: string, existingId: string, path: readonly string[]): HuzhuError {
  const what = key === 'id' ? `the id is taken by an existing ${kind}` : `${key} is already held by another ${kind}`;
  return new HuzhuError('CONFLICT', `store/neo4j: ${what}; unique keys cannot repeat (use another ${key})`, {
    path,
    details: { existingId, key },
  });
}

function capacityExhausted(serviceId: string, capacity: number | null, activeReferrals: number): HuzhuError {
  return new HuzhuError(
    'CAPACITY_EXHAUSTED',
    `store/neo4j: service ${serviceId} has no capacity left (${activeReferrals} active of ${String(capacity)}); ` +
      'choose another service or wait until a referral ends',
    { path: ['serviceId'], details: { serviceId, capacity, activeReferrals } },
  );
}

/**
 * Run a write again when a uniqueness constraint rejected it: another
 * transaction took the key between our lookup and our write, and the next
 * attempt's lookup will see and name it (or, for a referral, return it).
 */
async function retryConstraintRaces<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3 || !isConstraintConflict(error)) throw error;
    }
  }
}
