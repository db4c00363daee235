import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../../repoPath';

/**
 * Every Cypher statement the Neo4j adapter runs, one per file in cypher/
 * (`cypher/<name>.cypher`). The list is the contract between code and files:
 * loadCypherRegistry() fails start-up when a listed file is missing or its
 * header is incomplete, and test/unit/store/cypherRegistry.test.ts proves
 * every file is listed and every listed name is used by the adapter.
 */
const QUERY_NAMES = [
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
  'createIndexAuditEventEntityId',
  'createIndexConsentHouseholdId',
  'createIndexHouseholdVillageId',
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
  'countAssistances',
  'countAuditEvents',
  'countConsents',
  'countHouseholdMarkersByVillage',
  'countHouseholds',
  'countHouseholdsByVillage',
  'countNeeds',
  'countOrganizations',
  'countPersons',
  'countReferrals',
  'countRelationships',
  'countServices',
  'countTownships',
  'countVillages',
  'findHouseholdByCode',
  'findIdempotencyKey',
  'findReferralByIdempotencyKey',
  'getSeedRun',
  'getMatchContext',
  'listPlanningNeeds',
  'findRelationshipByEnds',
  'findTownshipByCode',
  'findVillageByCode',
  'getAssistancesByIds',
  'getAuditEventsByIds',
  'getConsentsByIds',
  'getHouseholdsByIds',
  'getNeedsByIds',
  'getOrganizationsByIds',
  'getPersonsByIds',
  'getReferralsByIds',
  'getRelationshipsByIds',
  'getServicesByIds',
  'getStakeholderIdsByIds',
  'getNetworkVersion',
  'readNetworkCounters',
  'listReferralTrackRowsByServices',
  'getTownshipsByIds',
  'getVillagesByIds',
  'listAssistances',
  'listAuditEvents',
  'listCategories',
  'listConsents',
  'listHouseholds',
  'listNeeds',
  'listOrganizations',
  'listPersons',
  'listReferrals',
  'listRelationships',
  'listServices',
  'listTopVulnerableHouseholds',
  'listTownships',
  'listVillages',
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
  'createAssistance',
  'createAuditEvent',
  'createConsent',
  'createHousehold',
  'createNeed',
  'createOrganization',
  'createPerson',
  'createReferral',
  'createRelationship',
  'createService',
  'createTownship',
  'createVillage',
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
  'linkAssistances',
  'linkConsents',
  'linkHouseholds',
  'linkNeeds',
  'linkOrganizations',
  'linkPersons',
  'linkReferrals',
  'linkServices',
  'linkVillages',
  'lockHousehold',
  'lockReferral',
  'mergeSeedRun',
  'releaseServiceCapacity',
  'setNeedStatus',
  'setServiceCapacity',
  'setHouseholdSearchKeys',
  'setStakeholderSearchKeys',
  'upsertAssistances',
  'upsertAuditEvents',
  'upsertCategories',
  'upsertConsents',
  'upsertHouseholds',
  'upsertNeeds',
  'upsertOrganizations',
  'upsertPersons',
  'upsertReferrals',
  'upsertRelationships',
  'upsertServices',
  'upsertTownships',
  'upsertVillages',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];

/** Query names as a const object, so call sites read `Q.listNeeds` and a typo does not compile. */
export const Q: { readonly [N in QueryName]: N } = Object.fromEntries(QUERY_NAMES.map((n) => [n, n])) as {
  readonly [N in QueryName]: N;
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
  const problems: string[] = [];
  for (const name of QUERY_NAMES) {
    const file = join(dir, `${name}.cypher`);
    if (!existsSync(file)) {
      problems.push(`${file} is missing (the adapter uses query "${name}"; restore the file or remove the use)`);
      continue;
    }
    const parsed = parseCypherFile(name, readFileSync(file, 'utf8'));
    if (typeof parsed === 'string') problems.push(`${file}: ${parsed}`);
    else queries.set(name, parsed);
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
  };
  loaded.set(dir, registry);
  return registry;
}

/** Every listed name (for tests and tools). */
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

// Private:

const loaded = new Map<string, CypherRegistry>();

/** cypher/ at the repository root, found from this file whether it runs from src/ (tsx, jest) or dist/. */
function defaultCypherDir(): string {
  return repoPath('cypher');
}
