import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../../repoPath';
import { ENTITY_KINDS, type EntityKind } from '../../domain/ids';
import { filterKeysOf } from '../storeFilters';

/**
 * Every Cypher statement the Neo4j adapter runs. Most are one file each in
 * cypher/ (`cypher/<name>.cypher`, listed in FILE_NAMES); the per-kind ones are
 * named from the kind list instead of by hand (KIND_STATEMENT_NAMES:
 * get<Kind>sByIds, upsert<Kind>s, create<Kind>, link<Kind>s, linkInbound<Kind>s),
 * and each kind's list and count statements (and listTopVulnerableHouseholds)
 * are composed from its one filter, `cypher/filters/<Kind>.cypher`, so the
 * WHERE clause exists once. loadCypherRegistry() fails start-up when a file is
 * missing, its header is incomplete, or a filter's parameters differ from the
 * port's filter fields (storeFilters.ts); test/unit/store/cypherRegistry.test.ts
 * proves every file is listed and every name is used by the adapter.
 */
const FILE_NAMES = [
  // schema: constraints and indexes, applied by init()
  'awaitIndexes',
  'createConstraintAccountId',
  'createConstraintAccountLogin',
  'createConstraintAlertId',
  'createConstraintAlertKey',
  'createConstraintLoginNameFailureKey',
  'createConstraintAssistanceId',
  'createConstraintAuditEventId',
  'createConstraintCategoryCode',
  'createConstraintConsentId',
  'createConstraintHouseholdCode',
  'createConstraintIdempotencyKey',
  'createConstraintHouseholdId',
  'createConstraintNeedId',
  'createConstraintOrganizationId',
  'createConstraintPersonId',
  'createConstraintReferralId',
  'createConstraintReferralIdempotencyKey',
  // one id and one (fromId, toId) constraint per RelationshipType (relationshipTypes.ts)
  'createConstraintRelationshipEndsPartner',
  'createConstraintRelationshipIdPartner',
  'createConstraintRelationshipEndsMemberOf',
  'createConstraintRelationshipIdMemberOf',
  'createConstraintRelationshipEndsWorksWith',
  'createConstraintRelationshipIdWorksWith',
  'createConstraintRelationshipEndsRefersTo',
  'createConstraintRelationshipIdRefersTo',
  'createConstraintRelationshipEndsServes',
  'createConstraintRelationshipIdServes',
  'createConstraintRelationshipEndsFunds',
  'createConstraintRelationshipIdFunds',
  'createConstraintRelationshipEndsIncubatedBy',
  'createConstraintRelationshipIdIncubatedBy',
  'createConstraintRelationshipEndsSupervises',
  'createConstraintRelationshipIdSupervises',
  'createConstraintRelationshipEndsKnows',
  'createConstraintRelationshipIdKnows',
  'createConstraintHuzhuSchemaName',
  'createConstraintServiceId',
  'createConstraintStakeholderId',
  'createConstraintSeedRunName',
  'createConstraintNetworkVersionName',
  'createConstraintTownshipCode',
  'createConstraintTownshipId',
  'createConstraintVillageCode',
  'createConstraintVillageId',
  'createConstraintWaitlistEntryKey',
  'createConstraintPlanId',
  'createIndexWaitlistEntryNeedId',
  'createIndexWaitlistEntryServiceId',
  'createIndexAssistanceNeedId',
  'createIndexAssistanceReferralId',
  'createIndexAuditEventEntityId',
  'createIndexConsentHouseholdId',
  'createIndexHouseholdVillageId',
  'createIndexHouseholdLoanOfficerId',
  'createIndexHouseholdVulnerabilityScore',
  'createIndexNeedCategory',
  'createIndexNeedHouseholdId',
  'createIndexNeedStatus',
  'createIndexOrganizationLocation',
  'createIndexPersonOrganizationId',
  'createIndexReferralNeedId',
  'createIndexReferralServiceId',
  'createIndexReferralStatus',
  'createIndexServiceLocation',
  'createIndexServiceOrganizationId',
  'createIndexServiceStatus',
  'createIndexTownshipLocation',
  'createIndexVillageLocation',
  'createIndexVillageTownshipId',
  // schema: search (full-text with the CJK analyzer, pinyin tokens, text indexes for phone and code)
  'createIndexDirectorySearchName',
  'createIndexDirectorySearchPinyin',
  'createIndexHouseholdSearchCode',
  'createIndexHouseholdSearchName',
  'createIndexHouseholdSearchPhone',
  'createIndexHouseholdSearchPinyin',
  // the schema marker and the start-up upgrade of older layouts (schemaUpgrade.ts)
  'getSchemaVersion',
  'lockSchemaMarker',
  'setSchemaVersion',
  'migrateLinkRelationships',
  'countLinkRelationships',
  'migratePersonReferenceEdges',
  'setHouseholdLoanOfficerIds',
  'listServicesWithoutAreaProps',
  'setServiceAreaProps',
  'dropConstraintLinkId',
  'dropConstraintLinkEnds',
  // reads
  'countAccounts',
  'countAlerts',
  'getAlertsByIds',
  'listAlerts',
  'findAccountByLogin',
  'getLoginNameFailure',
  'getAccountsByIds',
  'listAccounts',
  'countHouseholdMarkersByVillage',
  'countHouseholdsByVillage',
  'findHouseholdByCode',
  'findIdempotencyKey',
  'findReferralByIdempotencyKey',
  'getSeedRun',
  'getMatchContext',
  'listPlanningNeeds',
  'findRelationshipByEnds',
  'findTownshipByCode',
  'findVillageByCode',
  'getStakeholderIdsByIds',
  'getNetworkVersion',
  'readNetworkCounters',
  'readNetworkProjection',
  'listReferralTrackRowsByServices',
  'listCategories',
  'pingDatabase',
  // reads: saved plans (issue 12 item 3)
  'countPlans',
  'getPlan',
  'listPlans',
  // reads: waiting lists (issue 14 item 3)
  'listWaitlistEntriesByNeeds',
  'listWaitlistEntriesByService',
  // reads: search and its start-up backfill
  'listHouseholdsWithStaleSearchKeys',
  'listStakeholdersWithStaleSearchKeys',
  'searchDirectoryByName',
  'searchDirectoryByPinyin',
  'searchHouseholdsByCode',
  'searchHouseholdsByName',
  'searchHouseholdsByPhone',
  'searchHouseholdsByPinyin',
  // writes
  'bumpNetworkVersion',
  'addVillageHouseholdCounts',
  'addServiceReferralCounts',
  'computeVillageHouseholdCounts',
  'lockServicesWithoutReferralCounts',
  'setServiceReferralCounts',
  'claimIdempotencyKey',
  'claimServiceCapacity',
  'createAccount',
  'lockAccount',
  'setAccount',
  'lockLoginNameFailure',
  'lockAlertsByIds',
  'mergeAlertByKey',
  'setAlerts',
  'setLoginNameFailure',
  'deleteAllForTests',
  // writes: saved plans (issue 12 item 3)
  'createPlan',
  'deletePlan',
  'lockPlan',
  'setPlan',
  // writes: waiting lists (issue 14 item 3)
  'deleteWaitlistEntries',
  'lockServiceForWaitlist',
  'setWaitlistEntries',
  'lockHousehold',
  'lockReferral',
  'mergeSeedRun',
  'releaseServiceCapacity',
  'setNeedStatus',
  'setServiceCapacity',
  'setHouseholdSearchKeys',
  'setStakeholderSearchKeys',
  'upsertCategories',
  // writes: first loads of known-new rows (insertNew; CREATE with their reference edges, no old-edge deletion)
  'createHouseholdsBulk',
  'createNeedsBulk',
  'createPersonsBulk',
] as const;

/** Kinds with reference edges of their own, redrawn by link<Kind>s (Township has none; a Relationship is an edge). */
export const LINKED_KINDS = ['Village', 'Household', 'Need', 'Person', 'Organization', 'Service', 'Referral', 'Assistance', 'Consent'] as const;
/** Kinds other records point at: a new one draws the edges of the records written before it (linkInbound<Kind>s). */
export const TARGET_KINDS = ['Township', 'Village', 'Household', 'Person', 'Organization', 'Need', 'Service', 'Referral'] as const;

type KindStatementName<K extends EntityKind> = `get${K}sByIds` | `upsert${K}s` | `create${K}`;
/** Statements composed from `cypher/filters/<Kind>.cypher`. */
type ComposedName<K extends EntityKind> = `list${K}s` | `count${K}s`;
type ComposedBase = ComposedName<EntityKind> | 'listTopVulnerableHouseholds';
/** A composed statement that starts from an anchor (`// Anchor $townshipId: …` in the filter file) when that filter is given. */
export type AnchoredName = `${ComposedBase}AnchoredOn${string}`;
type DerivedName =
  | KindStatementName<EntityKind>
  | ComposedBase
  | `link${(typeof LINKED_KINDS)[number]}s`
  | `linkInbound${(typeof TARGET_KINDS)[number]}s`;

const KIND_STATEMENT_NAMES = [
  ...ENTITY_KINDS.flatMap((k) => [`get${k}sByIds`, `upsert${k}s`, `create${k}`]),
  ...LINKED_KINDS.map((k) => `link${k}s`),
  ...TARGET_KINDS.map((k) => `linkInbound${k}s`),
] as DerivedName[];
const COMPOSED_NAMES: ReadonlyArray<{ name: ComposedBase; kind: EntityKind; shape: 'list' | 'count' | 'top' }> = [
  ...ENTITY_KINDS.flatMap((kind) => [
    { name: `list${kind}s` as ComposedBase, kind, shape: 'list' as const },
    { name: `count${kind}s` as ComposedBase, kind, shape: 'count' as const },
  ]),
  { name: 'listTopVulnerableHouseholds', kind: 'Household', shape: 'top' },
];

const QUERY_NAMES: ReadonlyArray<(typeof FILE_NAMES)[number] | DerivedName> = [
  ...FILE_NAMES,
  ...KIND_STATEMENT_NAMES,
  ...COMPOSED_NAMES.map((c) => c.name),
];

export type QueryName = (typeof FILE_NAMES)[number] | DerivedName | AnchoredName;

/** Query names as a const object, so call sites read `Q.listNeeds` and a typo does not compile. */
export const Q: { readonly [N in Exclude<QueryName, AnchoredName>]: N } = Object.fromEntries(QUERY_NAMES.map((n) => [n, n])) as {
  readonly [N in Exclude<QueryName, AnchoredName>]: N;
};

/** READ and WRITE statements run in managed transactions of that mode; SCHEMA ones run alone, at init(). */
export type QueryMode = 'READ' | 'WRITE' | 'SCHEMA';

export interface CypherQuery {
  readonly name: QueryName;
  readonly mode: QueryMode;
  /** The whole file, header comments included (they show up in Neo4j's query log, which helps). */
  readonly text: string;
  /** `$parameters` the statement body uses, sorted. */
  readonly parameters: readonly string[];
}

export interface CypherRegistry {
  readonly dir: string;
  get(name: QueryName): CypherQuery;
  /**
   * The composed statement to run for these filter parameters: the variant
   * anchored on the first given anchor parameter of the kind's filter file
   * (an index seek on the anchor, then the edges), else `name` itself.
   */
  pick(name: ComposedBase, params: Readonly<Record<string, unknown>>): QueryName;
  /** Every statement name, anchored variants included (for tests and tools). */
  names(): readonly QueryName[];
}

/**
 * Read every listed statement from `dir` (default: the repository's cypher/),
 * once. Throws, naming the file and what is wrong, when a file is missing, has
 * no `// Purpose:`, `// Parameters:`, `// Returns:` and `// Mode:` header, or
 * holds more than one statement.
 */
export function loadCypherRegistry(dir: string = defaultCypherDir()): CypherRegistry {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const queries = new Map<QueryName, CypherQuery>();
  const anchors = new Map<QueryName, ReadonlyArray<{ param: string; name: AnchoredName }>>();
  const problems: string[] = [];
  const filesOnDisk = new Set<QueryName>([...FILE_NAMES, ...KIND_STATEMENT_NAMES]);
  for (const name of filesOnDisk) {
    const file = join(dir, `${name}.cypher`);
    if (!existsSync(file)) {
      problems.push(`${file} is missing (the adapter uses query "${name}"; restore the file or remove the use)`);
      continue;
    }
    const parsed = parseCypherFile(name, readFileSync(file, 'utf8'));
    if (typeof parsed === 'string') problems.push(`${file}: ${parsed}`);
    else queries.set(name, parsed);
  }
  for (const kind of ENTITY_KINDS) {
    const file = join(dir, 'filters', `${kind}.cypher`);
    if (!existsSync(file)) {
      problems.push(`${file} is missing (list${kind}s and count${kind}s are composed from it; restore it)`);
      continue;
    }
    const filter = parseFilterFile(kind, readFileSync(file, 'utf8'));
    if (typeof filter === 'string') {
      problems.push(`${file}: ${filter}`);
      continue;
    }
    for (const composed of COMPOSED_NAMES.filter((c) => c.kind === kind)) {
      const variants: Array<{ param: string; name: AnchoredName }> = [];
      for (const anchor of [null, ...filter.anchors]) {
        const name: QueryName = anchor ? `${composed.name}AnchoredOn${capitalize(anchor.param)}` : composed.name;
        const parsed = parseCypherFile(name, composeFiltered(name, kind, composed.shape, filter, anchor));
        if (typeof parsed === 'string') problems.push(`${file} (composing ${name}): ${parsed}`);
        else queries.set(name, parsed);
        if (anchor) variants.push({ param: anchor.param, name: name as AnchoredName });
      }
      anchors.set(composed.name, variants);
    }
  }
  if (problems.length > 0) {
    throw new Error(`store/neo4j/cypherRegistry: cannot start:\n  ${problems.join('\n  ')}`);
  }
  const registry: CypherRegistry = {
    dir,
    get(name) {
      const query = queries.get(name);
      if (!query) throw new Error(`store/neo4j/cypherRegistry: no query named ${JSON.stringify(name)}`);
      return query;
    },
    pick(name, params) {
      const anchored = (anchors.get(name) ?? []).find((a) => params[a.param] !== null && params[a.param] !== undefined);
      return anchored?.name ?? name;
    },
    names() {
      return [...queries.keys()];
    },
  };
  loaded.set(dir, registry);
  return registry;
}

/** Every statement name but the anchored variants (for tests and tools; registry.names() has them all). */
export const ALL_QUERY_NAMES: readonly QueryName[] = QUERY_NAMES;

/**
 * Split a .cypher file into header and statement; a string return is the
 * reason it is not acceptable. Exported for the unit test.
 */
export function parseCypherFile(name: QueryName, text: string): CypherQuery | string {
  const lines = text.split(/\r?\n/);
  const headerEnd = lines.findIndex((line) => !line.startsWith('//'));
  const header = (headerEnd === -1 ? lines : lines.slice(0, headerEnd)).join('\n');
  const body = (headerEnd === -1 ? '' : lines.slice(headerEnd).join('\n')).trim();
  for (const field of ['Purpose', 'Parameters', 'Returns', 'Mode']) {
    if (!new RegExp(`^// ${field}: \\S`, 'm').test(header)) return `the header needs a "// ${field}: …" line`;
  }
  const mode = /^\/\/ Mode: (READ|WRITE|SCHEMA)\s*$/m.exec(header)?.[1] as QueryMode | undefined;
  if (!mode) return 'the "// Mode:" line must say READ, WRITE or SCHEMA';
  if (body === '') return 'has no statement below its header';
  if (/;\s*\S/.test(body) || body.endsWith(';')) return 'must hold exactly one statement (no ";")';
  const parameters = [...new Set([...body.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string))].sort();
  return { name, mode, text: text.trimEnd(), parameters };
}

/** A kind's filter file, `cypher/filters/<Kind>.cypher`, read into the parts the composed statements use. */
export interface FilterFile {
  readonly kind: EntityKind;
  /** The `// Purpose:` text, continuation lines included (without the `// ` prefixes). */
  readonly purpose: string[];
  /** The `// Parameters:` text, continuation lines included. */
  readonly parameters: string[];
  /** What a list row returns as `props` (`// Props:`; default `properties(n)`). */
  readonly props: string;
  /** `// Anchor $param: <pattern ending in n>` lines, in order of preference. */
  readonly anchors: ReadonlyArray<{ param: string; pattern: string }>;
  /** The MATCH line(s) before WHERE (binding `n`). */
  readonly pattern: string;
  /**
   * The WHERE conditions (without the word WHERE): parenthesised terms, one per filter field, each on its own
   * `  AND (` line; an anchored variant leaves out the term that starts `($<anchor> IS NULL OR `.
   */
  readonly conditions: string;
}

/**
 * Read a filter file; a string return is the reason it is not acceptable:
 * the header needs `// Purpose:` and `// Parameters:`, the body a MATCH binding
 * `n` and one WHERE and nothing after it, and the body's `$parameters` must be
 * exactly the port's filter fields for the kind (storeFilters.ts).
 */
export function parseFilterFile(kind: EntityKind, text: string): FilterFile | string {
  const lines = text.trimEnd().split(/\r?\n/);
  const headerEnd = lines.findIndex((line) => !line.startsWith('//'));
  if (headerEnd <= 0) return 'needs a header (// Purpose:, // Parameters:) and a MATCH … WHERE … body';
  const fields = new Map<string, string[]>();
  const anchors: Array<{ param: string; pattern: string }> = [];
  let current: string[] | null = null;
  for (const line of lines.slice(0, headerEnd)) {
    const anchor = /^\/\/ Anchor \$([A-Za-z][A-Za-z0-9]*): (.+)$/.exec(line);
    const field = /^\/\/ ([A-Z][a-z]+): (.*)$/.exec(line);
    if (anchor) {
      anchors.push({ param: anchor[1] as string, pattern: (anchor[2] as string).trim() });
      current = null;
    } else if (field) {
      current = [(field[2] as string).trim()];
      fields.set(field[1] as string, current);
    } else if (current && /^\/\/\s{2,}\S/.test(line)) {
      current.push(line.replace(/^\/\/\s+/, ''));
    } else return `header line ${JSON.stringify(line)} is neither a "// Field: …" line nor its indented continuation`;
  }
  for (const required of ['Purpose', 'Parameters']) if (!fields.has(required)) return `the header needs a "// ${required}: …" line`;
  for (const known of fields.keys()) {
    if (!['Purpose', 'Parameters', 'Props'].includes(known)) return `unknown header field "// ${known}:" (Purpose, Parameters, Props, Anchor $param)`;
  }
  const body = lines.slice(headerEnd);
  const whereAt = body.findIndex((line) => line.startsWith('WHERE '));
  if (!/^MATCH /.test(body[0] ?? '') || whereAt < 1) return 'the body must be MATCH … (binding n) then one WHERE clause';
  const pattern = body.slice(0, whereAt).join('\n');
  const conditions = body.slice(whereAt).join('\n').slice('WHERE '.length);
  if (/^\s*(RETURN|WITH|ORDER BY|LIMIT)\b/m.test(conditions)) return 'must end with its WHERE clause (the registry adds RETURN, ORDER BY and LIMIT)';
  if (!/\bn\b/.test(pattern)) return 'the MATCH must bind the listed record as n';
  const used = [...new Set([...body.join('\n').matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string))].sort();
  const expected = [...filterKeysOf(kind)].sort();
  if (used.join() !== expected.join()) {
    return `takes $${used.join(', $')} but the ${kind} filter of the store port (src/store/storeFilters.ts) has ${expected.join(', ')}; make them the same`;
  }
  for (const anchor of anchors) {
    if (!expected.includes(anchor.param)) return `anchors on $${anchor.param}, which is no ${kind} filter field`;
    if (!/\(n:[A-Za-z]+\)/.test(anchor.pattern)) return `the anchor on $${anchor.param} must bind the listed record as (n:${kind})`;
  }
  const props = fields.get('Props')?.join(' ') ?? 'properties(n)';
  return { kind, purpose: fields.get('Purpose') ?? [], parameters: fields.get('Parameters') ?? [], props, anchors, pattern, conditions };
}

// Private:

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A list, count or top statement from a filter, with a header that says where it came from (it shows in Neo4j's query log). */
function composeFiltered(
  name: QueryName,
  kind: EntityKind,
  shape: 'list' | 'count' | 'top',
  filter: FilterFile,
  anchor: { param: string; pattern: string } | null,
): string {
  const what = {
    list: 'one page of the matches, ordered by id (keyset pagination: ids after $after)',
    count: 'how many records match (a page\'s totalCount)',
    top: 'the most vulnerable matches (stored vulnerabilityScore > 0), highest score first, ties by id',
  }[shape];
  const source = `composed by src/store/neo4j/cypherRegistry.ts from cypher/filters/${kind}.cypher` +
    (anchor ? `, starting from the anchor $${anchor.param}` : '');
  const leading = { list: "$after: last id of the previous page ('' for the first page), $limit: page size + 1,", count: '', top: '$limit,' }[shape];
  const params = [leading ? `${leading} filter (null = any): ${filter.parameters[0] ?? ''}` : `filter (null = any): ${filter.parameters[0] ?? ''}`, ...filter.parameters.slice(1)];
  const header = [
    `// Purpose: ${name}: ${what}; ${source}.`,
    ...filter.purpose.map((line) => `//          ${line}`),
    `// Parameters: ${params[0] ?? ''}`,
    ...params.slice(1).map((line) => `//             ${line}`),
    shape === 'count' ? '// Returns: total' : `// Returns: props (${filter.props}), at most $limit rows`,
    '// Mode: READ',
  ];
  const pattern = anchor ? `MATCH ${anchor.pattern}` : filter.pattern;
  // From an anchor, its own condition holds for every row the pattern finds: leave it out.
  const terms = filter.conditions.split(/\n {2}AND (?=\()/).filter((term) => !anchor || !term.startsWith(`($${anchor.param} IS NULL OR `));
  const conditions = terms.length > 0 ? terms.join('\n  AND ') : 'true';
  // A path from an anchor finds a record once per path: should a second reference edge ever exist, each record still counts once.
  const once = anchor ? ['WITH DISTINCT n'] : [];
  const body = {
    list: [pattern, 'WHERE n.id > $after', `  AND ${conditions}`, ...once, `RETURN ${filter.props} AS props`, 'ORDER BY n.id', 'LIMIT $limit'],
    count: [pattern, `WHERE ${conditions}`, anchor ? 'RETURN count(DISTINCT n) AS total' : 'RETURN count(n) AS total'],
    top: [pattern, 'WHERE n.vulnerabilityScore > 0', `  AND ${conditions}`, ...once, `RETURN ${filter.props} AS props`, 'ORDER BY n.vulnerabilityScore DESC, n.id ASC', 'LIMIT $limit'],
  }[shape];
  return [...header, ...body].join('\n');
}

const loaded = new Map<string, CypherRegistry>();

/** cypher/ at the repository root, found from this file whether it runs from src/ (tsx, jest) or dist/. */
function defaultCypherDir(): string {
  return repoPath('cypher');
}
