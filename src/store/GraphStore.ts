import type { AccountRecord } from '../domain/Account';
import type { WaitlistEntry } from '../domain/WaitlistEntry';
import type { AlertDelivery, AlertRecord, AlertScope } from '../domain/Alert';
import type { z } from 'zod';
import type { EntityKind } from '../domain/ids';
import type { STORE_FILTERS } from './storeFilters';
import type { PlanRecord } from '../domain/Plan';
import type { SeedRun } from './SeedRun';
import type { ServiceTrackRecord } from '../domain/referralTrackRecord';
import type { MatchRank, SearchField } from '../domain/matchRank';
import type { SearchCursor } from '../domain/rankSearchHits';
import type { DirectorySearchKind } from '../domain/searchKeys';
import type { SearchQuery } from '../domain/searchQuery';
import type {
  Category,
  EntityMap,
  Marker,
  NeedStatus,
  ReferralStatus,
  ReferralTransition,
  Referral,
  RelationshipType,
} from '../domain/model';

/**
 * The store port. Two adapters implement it (memory/ and neo4j/) and both must
 * pass test/contract/graphStoreContract.ts; a divergence is a bug.
 *
 * Failures are HuzhuErrors: NOT_FOUND (a referenced id does not exist),
 * CONFLICT (a unique key is taken, or a conditional update lost a race),
 * CAPACITY_EXHAUSTED, INVALID_TRANSITION, UNAVAILABLE (the database is down
 * or timed out). Every method is all-or-nothing.
 */
export interface GraphStore {
  readonly kind: 'memory' | 'neo4j';

  /** Prepare the store (constraints, indexes, load from disk); idempotent. */
  init(): Promise<void>;
  close(): Promise<void>;
  /** Throws UNAVAILABLE when the backing database cannot answer. */
  ping(): Promise<void>;
  /**
   * The network version: a monotonic counter of the stakeholder projection
   * only (NETWORK_KINDS: townships, villages, people, organisations, services,
   * relationships), bumped by the writes that change those records (rare:
   * designers and admins). Household, need, referral, assistance, consent,
   * account, audit and seed-record writes never touch it, so no node or row is
   * written by every write transaction (issue 13 item 3). Caches of the
   * projection key on it (no in-process assumptions); what moves with every
   * household or referral is read from networkCounters() instead.
   */
  version(): Promise<number>;

  /**
   * The network version and the counters the store maintains in the same
   * transaction as each write that changes them (issue 13 item 2): households
   * and vulnerable households per village (villages with none omitted), and
   * per service its active referrals and track record. One cheap read (no
   * aggregation over households or referrals): the network view reads it on
   * every request.
   */
  networkCounters(): Promise<NetworkCounters>;

  /**
   * The whole stakeholder projection (every record of NETWORK_KINDS) at one
   * network version, in one store call (issue 13 item 1): the records equal
   * what `list(kind, {}, …)` pages through, each kind by id ascending, and
   * `version` is the version() they were all read at (no network write lands
   * between the kinds). Neo4j: one read transaction over the labels and the
   * relationship edges (cypher/readNetworkProjection.cypher); memory: one pass
   * over its graph. services/networkSnapshot.ts builds the network view from it.
   */
  networkProjection(): Promise<NetworkProjection>;

  // -- reads -----------------------------------------------------------------

  /** Entities by id, in the order of `ids`; null where an id does not exist (DataLoader-shaped). */
  getMany<K extends EntityKind>(kind: K, ids: readonly string[]): Promise<Array<EntityMap[K] | null>>;

  /** One page, ordered by id ascending; `after` is the last id of the previous page. */
  list<K extends EntityKind>(kind: K, filter: FilterMap[K], page: PageRequest): Promise<Page<EntityMap[K]>>;

  listCategories(): Promise<Category[]>;

  /** Households ranked by stored vulnerabilityScore (desc, then id asc); only score > 0. */
  topVulnerableHouseholds(limit: number, filter: HouseholdFilter): Promise<Array<EntityMap['Household']>>;

  /** Household counts per village (villages with no household are omitted). */
  householdStatsByVillage(): Promise<VillageHouseholdStats[]>;

  /**
   * A need and everything matchNeed and the access guard's scope check read
   * about it, in one store call (issue 13 item 1): the need, its household,
   * the household's village and that village's township, and the household's
   * consents (all of them, by id ascending: active, withdrawn and expired; the
   * consent rules decide). Neo4j: one Cypher traversal over the reference edges
   * (cypher/getMatchContext.cypher). null when the need does not exist; a part
   * is null when the record it references does not exist (a seed written out of
   * order, before its targets).
   */
  matchContext(needId: string): Promise<NeedMatchContext | null>;

  /**
   * One page of OPEN needs by id ascending (keyset: ids after `page.after`, null for the first page), each with
   * the fields of it and of its household that planning a county's allocation reads (PlanningNeedRow), and no
   * others: no description, no head of household, no contact (services/planAllocations reads the whole record
   * only for the one need of each profile it runs the matching rules for). `first` from 0 to MAX_BULK_PAGE;
   * `filter.townshipId` is the household's village's township, `filter.category` the need's. Memory: read from
   * the records in place, copying only what the row holds; Neo4j: one Cypher read returning only these
   * properties (cypher/listPlanningNeeds.cypher).
   */
  listPlanningNeeds(filter: PlanningNeedFilter, page: { first: number; after: string | null }): Promise<PlanningNeedPage>;

  /** Find by a unique key other than id. */
  findHouseholdByCode(householdCode: string): Promise<EntityMap['Household'] | null>;
  findRelationship(fromId: string, toId: string, type: RelationshipType): Promise<EntityMap['Relationship'] | null>;
  findReferralByIdempotencyKey(key: string): Promise<Referral | null>;

  /**
   * Households whose head's name (汉字, full pinyin, initials), phone or code
   * matches `query`, testing only `fields` (what the viewer may read), within
   * `scope`; ranked exact > prefix > contains, then by id (rankSearchHits).
   */
  searchHouseholds(
    query: SearchQuery,
    fields: readonly SearchField[],
    scope: HouseholdSearchScope,
    page: { first: number; after: SearchCursor | null },
  ): Promise<SearchPage<EntityMap['Household']>>;

  /** Places, organisations, services and people of `kinds` by name, ranked like searchHouseholds; at most `limit`. */
  searchDirectory(query: SearchQuery, kinds: readonly DirectorySearchKind[], limit: number): Promise<DirectoryMatch[]>;
  /** What a write made with this idempotency key (create / transitionReferral with `idempotency`), or null. */
  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null>;

  // -- writes ----------------------------------------------------------------

  /** Seed/bulk: insert or replace by id; idempotent (running twice creates nothing twice). */
  upsertMany<K extends EntityKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>): Promise<{ written: number }>;
  /**
   * First load (issue 13 item 5): rows known to be new, e.g. a fresh seed into an empty store. Writes what
   * upsertMany would write into a store that holds none of these ids (same records, same reference edges,
   * same counters, no reference checks except a relationship's two ends), without upsertMany's replace work:
   * Neo4j CREATEs (no MERGE, no old edges to delete, no read of the rows before) in batches tuned per kind.
   * A row whose id is already stored, or two rows with one id: CONFLICT naming the kind and the id at
   * [index, 'id'], and nothing of that row's batch is written (memory: nothing of the call; Neo4j: earlier
   * batches of the same call stay). `validated: true`: the caller has passed every row through
   * validateEntity already (seedStore does, while the previous batch commits), so the store does not again.
   */
  insertNew<K extends EntityKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>, options?: InsertNewOptions): Promise<{ written: number }>;
  upsertCategories(rows: ReadonlyArray<Category>): Promise<void>;

  /**
   * Create one entity. Checks the references declared in REFERENCES (NOT_FOUND
   * with the field as path) and the unique keys in UNIQUE_KEYS (CONFLICT with
   * `details.existingId`, for the API to reveal only to a caller who may read
   * that record; messages never name it or the key's value).
   *
   * With `idempotency`, one atomic step: when the key is already recorded, the
   * record it created is returned and nothing is written (CONFLICT at
   * ['idempotencyKey'] when it was recorded for another operation or input);
   * else the entity and the key are written together.
   */
  create<K extends MutableKind>(kind: K, entity: EntityMap[K], options?: { idempotency?: IdempotencyClaim }): Promise<EntityMap[K]>;

  /**
   * Create several entities of one kind in one transaction (the household
   * import, issue 14 item 2): all of them or none. The same checks as create,
   * for each entity and across them (two entities cannot share an id or a
   * unique key); a failure's path starts with the entity's index in
   * `entities` (e.g. [3, 'villageId']). Returns how many were written.
   */
  createMany<K extends MutableKind>(kind: K, entities: ReadonlyArray<EntityMap[K]>): Promise<{ written: number }>;

  /**
   * Replace one entity by id, with the same reference and uniqueness checks.
   * With `expectedVersion` (households), CONFLICT when the stored version differs.
   */
  update<K extends MutableKind>(kind: K, entity: EntityMap[K], options?: { expectedVersion?: number }): Promise<EntityMap[K]>;

  /**
   * Atomically set a service's capacity (null = no stated limit). It may go below
   * the active referrals: those carry on, and no new claim succeeds until enough end.
   */
  setServiceCapacity(serviceId: string, capacity: number | null): Promise<EntityMap['Service']>;

  /**
   * One atomic step: if a referral with this idempotency key exists, return it
   * (`created: false`); else claim one unit of the service's capacity
   * (CAPACITY_EXHAUSTED when capacity - activeReferrals < 1), store the
   * referral and set the need's status to REFERRED.
   */
  createReferral(referral: Referral): Promise<{ referral: Referral; created: boolean }>;

  /**
   * Conditional transition: applies only if the stored status is `from`
   * (else CONFLICT); appends the transition; releases one unit of capacity when
   * `to` ends the referral (RESOLVED, DECLINED, CANCELLED); sets the need's
   * status as given (e.g. RESOLVED, or back to OPEN when declined).
   */
  transitionReferral(
    referralId: string,
    from: ReferralStatus,
    transition: ReferralTransition,
    needStatus: NeedStatus | null,
    /** As for create: a known key returns the referral it moved, checked before `from`. */
    options?: { idempotency?: IdempotencyClaim },
  ): Promise<Referral>;

  /** Append-only: audit events can be added, never changed or removed. */
  appendAudit(event: EntityMap['AuditEvent']): Promise<void>;

  // -- the seed's record (issue 10 item 4) ------------------------------------
  // One per store, not an entity: never returned by getMany/list, its writes
  // do not bump version(), and reset/clear removes it with everything else.

  /** The seed's progress record (SeedRun), or null when seedStore never ran on this store. */
  getSeedRun(): Promise<SeedRun | null>;
  /** Replace the seed's progress record. */
  putSeedRun(run: SeedRun): Promise<void>;

  // -- accounts (sign-in, issue 11) -------------------------------------------
  // Not entities of the network: never returned by getMany/list, and their
  // writes do not bump version() (nothing cached depends on them). Records are
  // validated with AccountRecord on the way in and out.

  /** Create one account. CONFLICT (details.existingId) when the id or the (lower-cased) login is taken; path ['login'] for the login. */
  createAccount(account: AccountRecord): Promise<AccountRecord>;
  /** Accounts by id, in the order of `ids`; null where an id does not exist. */
  getAccounts(ids: readonly string[]): Promise<Array<AccountRecord | null>>;
  /** By login (compared lower-cased). */
  findAccountByLogin(login: string): Promise<AccountRecord | null>;
  /** One page of accounts ordered by id ascending. */
  listAccounts(page: PageRequest): Promise<Page<AccountRecord>>;
  /**
   * Replace an account (admin edits). CONFLICT when the stored version is not
   * `expectedVersion` (path ['expectedVersion']) or the login is taken by
   * another account; NOT_FOUND when it does not exist. The login counters
   * (failedAttempts, lockedUntil, lastLoginAt) are kept as stored unless
   * `options.resetLock` clears them; sessionGeneration never goes down.
   */
  updateAccount(account: AccountRecord, options: { expectedVersion: number; resetLock?: boolean }): Promise<AccountRecord>;
  /**
   * One wrong password, atomically: failedAttempts + 1 (counting from 0 again
   * when an earlier lock has expired by `at`); when it reaches `lockAfter`,
   * lockedUntil = `lockUntil`. NOT_FOUND when the account does not exist.
   */
  recordAccountLoginFailure(id: string, attempt: { at: string; lockAfter: number; lockUntil: string }): Promise<AccountRecord>;
  /** A successful sign-in: failedAttempts 0, lockedUntil null, lastLoginAt = at; passwordHash replaced when given (re-hash). */
  recordAccountLogin(id: string, login: { at: string; passwordHash: string | null }): Promise<AccountRecord>;
  /** Ends every session of the account (sessionGeneration + 1), atomically; returns the account after. */
  endAccountSessions(id: string, at: string): Promise<AccountRecord>;
  /**
   * Failure counters of a login name no account holds, under `key`
   * (loginNameKey in ./accountWrites.ts: a hash, never the name), so an
   * unknown login locks by the same rule (failuresAfter) as a real account,
   * on every API instance. No account is created and nothing lists them.
   */
  getLoginNameFailures(key: string): Promise<{ failedAttempts: number; lockedUntil: string | null }>;
  /** One failed sign-in for `key`, atomically, by failuresAfter; returns the counters after. */
  recordLoginNameFailure(key: string, attempt: { at: string; lockAfter: number; lockUntil: string }): Promise<{ failedAttempts: number; lockedUntil: string | null }>;

  // -- saved plans (issue 12 item 3; domain/Plan.ts) ---------------------------
  // Not entities of the network: never returned by getMany/list, and their own
  // writes do not bump version(). Records are validated with PlanRecord on the
  // way in and out. Every write takes `expectedVersion` and refuses an APPLIED
  // plan: CONFLICT (path ['expectedVersion'] / ['status']), nothing written.

  /** Store a new plan (version 1, DRAFT). CONFLICT (details.existingId) when the id is taken. */
  createPlan(plan: PlanRecord): Promise<PlanRecord>;
  getPlan(id: string): Promise<PlanRecord | null>;
  /** One page of plans, newest first: ids descending (newPlanId makes them time-ordered); `after` is the last id seen. */
  listPlans(page: PageRequest): Promise<Page<PlanRecord>>;
  /** Replace a DRAFT plan; the stored version must be `expectedVersion`; stored with version + 1. NOT_FOUND when missing. */
  updatePlan(plan: PlanRecord, options: { expectedVersion: number }): Promise<PlanRecord>;
  /** Remove a DRAFT plan at `expectedVersion`. NOT_FOUND when missing. */
  deletePlan(id: string, options: { expectedVersion: number }): Promise<void>;
  /**
   * Apply a plan in ONE transaction: checks the plan is a DRAFT at
   * `expectedVersion`, performs `writes` in order with the same checks as
   * create/update (references may name records created earlier in the batch;
   * an update of a Service keeps the store's activeReferrals), and stores the
   * plan APPLIED with appliedAt/appliedBy (version + 1). Any failure writes
   * nothing: the error of the first failing write, its path prefixed with
   * ['writes', index]. Bumps version() when it writes network records.
   */
  applyPlan(application: PlanApplication): Promise<PlanRecord>;

  // -- waiting lists (issue 14 item 3) ---------------------------------------
  // Entries are not entities (never returned by getMany/list) and do not bump
  // version(). Every method that changes a list or a unit of capacity takes the
  // service's lock first and runs domain/waitlistRules.planSettle in the same
  // transaction: createReferral (before its claim; it also consumes the need's
  // offer and removes the need's WAITING entries everywhere), transitionReferral
  // when it releases a unit, setServiceCapacity, and the methods below. So two
  // releases never offer the same need, and a concurrent join cannot jump the queue.

  /**
   * Put a need on a service's waiting list, atomically: the entry already
   * stored for (serviceId, needId) is returned as it is (`created: false`);
   * else NOT_FOUND (['needId'] / ['serviceId']), CONFLICT at ['needId'] when
   * the need is not OPEN, CONFLICT at ['serviceId'] when the service is not
   * ACTIVE or has a free place (details.freePlaces: send the referral
   * instead); else the entry is stored WAITING.
   */
  joinWaitlist(entry: WaitlistEntry): Promise<{ entry: WaitlistEntry; created: boolean }>;
  /** Take a need off a service's list (an offer it held passes on at once); the removed entry, or null when it was not on it. */
  leaveWaitlist(serviceId: string, needId: string, at: string): Promise<WaitlistEntry | null>;
  /** Pass on lapsed offers and offer free units (planSettle), atomically; returns the offers made. NOT_FOUND for an unknown service. */
  settleWaitlist(serviceId: string, at: string): Promise<WaitlistEntry[]>;
  /** A service's list in listOrder (offers, then the queue); empty for an unknown service. */
  listWaitlist(serviceId: string): Promise<WaitlistEntry[]>;
  /** Every entry of these needs, on any service (by needId, then serviceId). */
  waitlistEntriesOfNeeds(needIds: readonly string[]): Promise<WaitlistEntry[]>;

  // -- pushed alerts (issue 15 item 5; domain/Alert.ts) -------------------------
  // Not entities of the network: never returned by getMany/list; their writes do not bump version().

  /**
   * Write `alert` once under its key, atomically: when an alert with that key
   * exists (another API process's scan got there first), nothing is written
   * and the stored one is returned with created: false. Only the caller that
   * gets created: true hands the alert to outbound sinks, so none sends twice.
   */
  recordAlert(alert: AlertRecord): Promise<{ alert: AlertRecord; created: boolean }>;
  /**
   * Alerts in `scope`, newest first (id descending; `after` is the last id of
   * the previous page); with `unreadBy`, only those that account has not
   * read. unreadCount counts `readerId`'s unread alerts in scope (all pages).
   * With `count: false`, neither is counted: both are NOT_COUNTED.
   */
  listAlerts(query: AlertListQuery, page: PageRequest): Promise<Page<AlertRecord> & { unreadCount: number }>;
  /** Alerts by id, in the order of `ids`; null where none exists. */
  getAlerts(ids: readonly string[]): Promise<Array<AlertRecord | null>>;
  /** Adds `readerId` to readBy of each existing alert of `ids` (atomically per alert; unknown ids ignored); returns them after. */
  markAlertsRead(ids: readonly string[], readerId: string): Promise<AlertRecord[]>;
  /** Records how delivering the alert to an outbound sink went (NOT_FOUND when the alert does not exist). */
  setAlertDelivery(id: string, sink: string, delivery: AlertDelivery): Promise<AlertRecord>;
}

/** Kinds a plan's application writes. */
export type PlanWriteKind = 'Organization' | 'Service' | 'Relationship';
export type PlanWrite = { [K in PlanWriteKind]: { op: 'create' | 'update'; kind: K; entity: EntityMap[K] } }[PlanWriteKind];

/** What GraphStore.applyPlan writes, in one transaction. */
export interface PlanApplication {
  planId: string;
  expectedVersion: number;
  appliedAt: string;
  appliedById: string;
  appliedByName: string | null;
  writes: readonly PlanWrite[];
}

/** GraphStore.listPlanningNeeds's filter (see there); null or absent: not filtered on. */
export interface PlanningNeedFilter {
  townshipId?: string | null;
  category?: string | null;
}

/** An OPEN need as planAllocations reads it (GraphStore.listPlanningNeeds). */
export interface PlanningNeedRow {
  need: Pick<EntityMap['Need'], 'id' | 'householdId' | 'category' | 'urgency' | 'createdAt' | 'updatedAt'>;
  /** null when the household does not exist (a seed written out of order). */
  household:
    | (Pick<EntityMap['Household'], 'id' | 'villageId' | 'vulnerabilityScore' | 'memberAgeBands' | 'markers'> & {
        /** The loan's credit officer (Household.loan.creditOfficerId), null without a loan. */
        creditOfficerId: string | null;
      })
    | null;
}

export interface PlanningNeedPage {
  rows: PlanningNeedRow[];
  hasNextPage: boolean;
  /** The last row's need id (the next page's `after`); null on an empty page. */
  endCursor: string | null;
}

/** What matchContext(needId) returns (see there). */
export interface NeedMatchContext {
  need: EntityMap['Need'];
  household: EntityMap['Household'] | null;
  village: EntityMap['Village'] | null;
  township: EntityMap['Township'] | null;
  /** The household's consents by id ascending (empty when the household is missing). */
  consents: Array<EntityMap['Consent']>;
}

/**
 * A client's idempotency key on a write it may retry (issue 10 item 5): after
 * an OUTCOME_UNKNOWN, the same request with the same key either finds the
 * first attempt's result or does the write once. Keys are global: one key
 * names one request.
 */
export interface IdempotencyClaim {
  key: string;
  /** The use case, e.g. 'registerHousehold'. */
  operation: string;
  /** A digest of the request's input without the key (idempotencyFingerprint): the same key with other input is a CONFLICT. */
  fingerprint: string;
}

/** A recorded key and the record its write created or changed. */
export interface IdempotencyRecord extends IdempotencyClaim {
  resultKind: EntityKind;
  resultId: string;
}

export interface AlertListQuery {
  scope: AlertScope;
  /** Whose unread alerts unreadCount counts (and unreadOnly filters by). */
  readerId: string;
  unreadOnly: boolean;
}

/** Where a household search looks: null = anywhere; else households of these villages, or of these townships' villages. */
export interface HouseholdSearchScope {
  villageIds: readonly string[] | null;
  townshipIds: readonly string[] | null;
}

export interface SearchPage<T> {
  hits: Array<{ rank: MatchRank; item: T }>;
  totalCount: number;
  hasNextPage: boolean;
}

export interface DirectoryMatch {
  kind: DirectorySearchKind;
  id: string;
  /** The name shown (a village's display name). */
  name: string;
  rank: MatchRank;
}

/** Kinds created and replaced one at a time through the API (referrals and audit have their own methods). */
export type MutableKind = Exclude<EntityKind, 'Referral' | 'AuditEvent'>;

export interface PageRequest {
  /** 1..MAX_PAGE_SIZE (bulk readers inside services may ask for up to MAX_BULK_PAGE). */
  first: number;
  after?: string | null;
  /**
   * false: the caller will not read totalCount (e.g. the GraphQL query does not select it), so the store
   * skips counting and answers NOT_COUNTED; default true (issue 13 item 1).
   */
  count?: boolean;
}

/** Page.totalCount of a page asked for with `count: false`: not counted (never a real count). */
export const NOT_COUNTED = -1;
export const MAX_PAGE_SIZE = 100;
export const MAX_BULK_PAGE = 10_000;

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  /** id of the last item, or null on an empty page. */
  endCursor: string | null;
}

export interface VillageHouseholdStats {
  villageId: string;
  households: number;
  /** households with vulnerabilityScore > 0 */
  vulnerable: number;
  byMarker: Partial<Record<Marker, number>>;
}

// -- filters: every field optional; all given fields must match --------------
// Defined once as zod objects in storeFilters.ts (the Neo4j adapter takes its filter parameters from their keys).

export type FilterMap = { [K in EntityKind]: z.infer<(typeof STORE_FILTERS)[K]> };
export type TownshipFilter = FilterMap['Township'];
export type VillageFilter = FilterMap['Village'];
export type HouseholdFilter = FilterMap['Household'];
export type NeedFilter = FilterMap['Need'];
export type PersonFilter = FilterMap['Person'];
export type OrganizationFilter = FilterMap['Organization'];
export type ServiceFilter = FilterMap['Service'];
export type RelationshipFilter = FilterMap['Relationship'];
export type ReferralFilter = FilterMap['Referral'];
export type AssistanceFilter = FilterMap['Assistance'];
export type ConsentFilter = FilterMap['Consent'];
export type AuditEventFilter = FilterMap['AuditEvent'];

/**
 * Reference fields each kind must satisfy on create/update, and the kind they
 * point to. A field holding a list checks every element; null is allowed where
 * the schema allows it. Both adapters enforce exactly this table.
 */
export const REFERENCES: { [K in MutableKind]: ReadonlyArray<{ field: string; kind: EntityKind | 'Stakeholder' }> } = {
  Township: [],
  Village: [{ field: 'townshipId', kind: 'Township' }],
  Household: [
    { field: 'villageId', kind: 'Village' },
    { field: 'loan.creditOfficerId', kind: 'Person' },
  ],
  Need: [{ field: 'householdId', kind: 'Household' }],
  Person: [
    { field: 'villageIds', kind: 'Village' },
    { field: 'townshipIds', kind: 'Township' },
    { field: 'organizationId', kind: 'Organization' },
  ],
  Organization: [
    { field: 'townshipId', kind: 'Township' },
    { field: 'villageId', kind: 'Village' },
  ],
  Service: [{ field: 'organizationId', kind: 'Organization' }],
  Relationship: [
    { field: 'fromId', kind: 'Stakeholder' },
    { field: 'toId', kind: 'Stakeholder' },
  ],
  Assistance: [
    { field: 'needId', kind: 'Need' },
    { field: 'referralId', kind: 'Referral' },
  ],
  Consent: [{ field: 'householdId', kind: 'Household' }],
};

/** Kinds a Relationship may connect. */
export const STAKEHOLDER_KINDS: ReadonlyArray<EntityKind> = ['Person', 'Organization', 'Village', 'Township', 'Service'];

/** Unique keys besides id: CONFLICT on a second holder. */
export const UNIQUE_KEYS = {
  Household: ['householdCode'],
  Relationship: ['fromId+toId+type'],
  Township: ['code'],
  Village: ['code'],
} as const;

/** Kinds whose records make the stakeholder projection: a write to one bumps version(). */
export const NETWORK_KINDS: ReadonlyArray<EntityKind> = ['Township', 'Village', 'Person', 'Organization', 'Service', 'Relationship'];

/** GraphStore.insertNew's options. */
export interface InsertNewOptions {
  /** true: every row has passed validateEntity already (the caller's one validation pass); default false. */
  validated?: boolean;
}

export interface NetworkCounters {
  /** version() at the time of the read. */
  version: number;
  /** Villages with at least one household, by id ascending; vulnerable = vulnerabilityScore > 0. */
  villages: Array<{ villageId: string; households: number; vulnerable: number }>;
  /** Every service, by id ascending: activeReferrals and the track record (domain/referralTrackRecord). */
  services: Array<{ serviceId: string; activeReferrals: number; trackRecord: ServiceTrackRecord }>;
}

/** GraphStore.networkProjection: every stakeholder record, by kind, each list by id ascending, at `version`. */
export interface NetworkProjection {
  /** version() the records were read at. */
  version: number;
  townships: Array<EntityMap['Township']>;
  villages: Array<EntityMap['Village']>;
  people: Array<EntityMap['Person']>;
  organizations: Array<EntityMap['Organization']>;
  services: Array<EntityMap['Service']>;
  relationships: Array<EntityMap['Relationship']>;
}

/** Referral statuses that hold a unit of the service's capacity (a domain rule, re-exported for the adapters). */
export { ACTIVE_REFERRAL_STATUSES } from '../domain/referralLifecycle';
