import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTITY_KINDS } from '../../../src/domain/ids';
import {
  ALL_QUERY_NAMES,
  loadCypherRegistry,
  parseCypherFile,
  parseFilterFile,
  type QueryName,
} from '../../../src/store/neo4j/cypherRegistry';
import { KIND_QUERIES } from '../../../src/store/neo4j/kindQueries';
import { filterKeysOf } from '../../../src/store/storeFilters';

/**
 * The cypher/ directory and the Neo4j adapter agree: every file is a query the
 * adapter runs, every query the adapter runs has a file, and every file says
 * what it does. (The files' Cypher itself is checked against a real Neo4j by
 * test/contract/cypherFiles.test.ts.)
 */
const CYPHER_DIR = join(__dirname, '..', '..', '..', 'cypher');
const ADAPTER_DIR = join(__dirname, '..', '..', '..', 'src', 'store', 'neo4j');

const cypherFiles = () =>
  readdirSync(CYPHER_DIR)
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.slice(0, -'.cypher'.length))
    .sort();

const filterFiles = () =>
  readdirSync(join(CYPHER_DIR, 'filters'))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.slice(0, -'.cypher'.length))
    .sort();

/** The per-kind statement roles Neo4jStore.ts reads from KIND_QUERIES (a role nobody reads would be dead Cypher). */
const KIND_ROLES = ['getByIds', 'list', 'count', 'upsert', 'create', 'link', 'linkInbound'] as const;

/**
 * Query names the adapter uses: the ones its source refers to as `Q.<name>` (the registry's own list does
 * not count as a use), and the per-kind names in KIND_QUERIES for every role the store reads from it.
 */
const namesUsedByAdapter = () => {
  const used = new Set<string>();
  const sources = readdirSync(ADAPTER_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'cypherRegistry.ts' && f !== 'kindQueries.ts')
    .map((f) => readFileSync(join(ADAPTER_DIR, f), 'utf8'));
  for (const source of sources) for (const m of source.matchAll(/\bQ\.([A-Za-z][A-Za-z0-9]*)/g)) used.add(m[1] as string);
  const store = readFileSync(join(ADAPTER_DIR, 'Neo4jStore.ts'), 'utf8');
  const rolesRead = KIND_ROLES.filter((role) => new RegExp(`(KIND_QUERIES\\[kind\\]|queries)\\.${role}\\b`).test(store));
  for (const kind of ENTITY_KINDS) {
    const queries = KIND_QUERIES[kind] as unknown as Record<string, string | { query: string } | null>;
    for (const role of rolesRead) {
      const value = queries[role];
      if (typeof value === 'string') used.add(value);
      else if (value) used.add(value.query);
    }
  }
  return used;
};

describe('cypher registry', () => {
  it('lists every .cypher file in cypher/ (a file nobody lists is dead Cypher)', () => {
    const listed = new Set<string>(ALL_QUERY_NAMES);
    expect(cypherFiles().filter((f) => !listed.has(f))).toEqual([]);
  });

  it('has a file for every listed query name, or composes it from the kind\'s filter file', () => {
    const files = new Set(cypherFiles());
    const composed = new Set(ENTITY_KINDS.flatMap((k) => [`list${k}s`, `count${k}s`]).concat('listTopVulnerableHouseholds'));
    expect(ALL_QUERY_NAMES.filter((name) => !files.has(name) && !composed.has(name))).toEqual([]);
    expect(ALL_QUERY_NAMES.filter((name) => files.has(name) && composed.has(name))).toEqual([]);
  });

  it('has one filter file per entity kind in cypher/filters/, and no other', () => {
    expect(filterFiles()).toEqual([...ENTITY_KINDS].sort());
  });

  it('takes its filter parameters from the store port\'s filter fields (storeFilters.ts)', () => {
    for (const kind of ENTITY_KINDS) expect([...KIND_QUERIES[kind].filterKeys]).toEqual([...filterKeysOf(kind)]);
  });

  it('lists only names the adapter uses (every file is run by src/store/neo4j)', () => {
    const used = namesUsedByAdapter();
    expect(ALL_QUERY_NAMES.filter((name) => !used.has(name))).toEqual([]);
  });

  it('has a file or a filter to compose from for every query name the adapter uses', () => {
    const registry = loadCypherRegistry(CYPHER_DIR);
    const known = new Set<string>([...cypherFiles(), ...registry.names()]);
    expect([...namesUsedByAdapter()].filter((name) => !known.has(name))).toEqual([]);
  });

  it('loads every file with a complete header (Purpose, Parameters, Returns, Mode)', () => {
    const registry = loadCypherRegistry(CYPHER_DIR);
    for (const name of registry.names()) expect(registry.get(name).text.length).toBeGreaterThan(0);
  });

  it('names every $parameter a statement uses in its "// Parameters:" header line', () => {
    const registry = loadCypherRegistry(CYPHER_DIR);
    const undocumented = registry.names().flatMap((name) => {
      const { text, parameters } = registry.get(name);
      const header = text.split('\n').filter((line) => line.startsWith('//')).join('\n');
      return parameters.filter((p) => !header.includes(`$${p}`)).map((p) => `${name}: $${p}`);
    });
    expect(undocumented).toEqual([]);
  });

  it('names files verbNoun[ByKey] in camelCase', () => {
    const bad = cypherFiles().filter((f) => !/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(f));
    expect(bad).toEqual([]);
  });

  it('fails start-up naming the file when a listed file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huzhu-cypher-'));
    try {
      cpSync(CYPHER_DIR, dir, { recursive: true });
      rmSync(join(dir, 'getNeedsByIds.cypher'));
      rmSync(join(dir, 'filters', 'Need.cypher'));
      expect(() => loadCypherRegistry(dir)).toThrow(/getNeedsByIds\.cypher is missing/);
      expect(() => loadCypherRegistry(dir)).toThrow(/filters\/Need\.cypher is missing \(listNeeds and countNeeds are composed from it/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails start-up naming the file when a header line is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huzhu-cypher-'));
    try {
      cpSync(CYPHER_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'pingDatabase.cypher'), '// Purpose: x\n// Parameters: none\n// Mode: READ\nRETURN 1 AS ok\n');
      expect(() => loadCypherRegistry(dir)).toThrow(/pingDatabase\.cypher: the header needs a "\/\/ Returns: …" line/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('statements composed from cypher/filters/<Kind>.cypher', () => {
  const registry = loadCypherRegistry(CYPHER_DIR);
  const whereOf = (kind: string) => {
    const filter = parseFilterFile(kind as never, readFileSync(join(CYPHER_DIR, 'filters', `${kind}.cypher`), 'utf8'));
    if (typeof filter === 'string') throw new Error(filter);
    return filter.conditions;
  };

  it.each([...ENTITY_KINDS])('%s: the list and count statements carry the one WHERE clause of its filter file', (kind) => {
    const list = registry.get(KIND_QUERIES[kind].list).text;
    const count = registry.get(KIND_QUERIES[kind].count).text;
    expect(list).toContain(whereOf(kind));
    expect(count).toContain(whereOf(kind));
    expect(list).toMatch(/WHERE n\.id > \$after\n {2}AND /);
    expect(list).toMatch(/ORDER BY n\.id\nLIMIT \$limit$/);
    expect(count).toMatch(/RETURN count\(n\) AS total$/);
    // The composed text keeps a header, so Neo4j's query log says what ran and where it came from.
    expect(list).toMatch(new RegExp(`^// Purpose: list${kind}s: .*cypher/filters/${kind}\\.cypher`));
  });

  it('starts from the anchor when an anchored filter is given, else scans in id order', () => {
    expect(registry.pick('listHouseholds', { townshipId: 'twp_1', villageId: null })).toBe('listHouseholdsAnchoredOnTownshipId');
    expect(registry.pick('countNeeds', { householdId: null, villageId: 'vil_1', townshipId: null })).toBe('countNeedsAnchoredOnVillageId');
    expect(registry.pick('listNeeds', { householdId: 'hh_1', townshipId: 'twp_1' })).toBe('listNeedsAnchoredOnHouseholdId');
    expect(registry.pick('listHouseholds', { townshipId: null, villageId: null, marker: 'SOLITARY_ELDERLY' })).toBe('listHouseholds');
    expect(registry.get('listHouseholdsAnchoredOnTownshipId').text).toMatch(
      /\nMATCH \(:Township \{id: \$townshipId\}\)<-\[:IN_TOWNSHIP\]-\(:Village\)<-\[:LIVES_IN\]-\(n:Household\)\nWHERE/,
    );
  });

  it('fails start-up naming the filter file when its parameters differ from the port\'s filter fields', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huzhu-cypher-'));
    try {
      cpSync(CYPHER_DIR, dir, { recursive: true });
      const consent = join(dir, 'filters', 'Consent.cypher');
      writeFileSync(consent, readFileSync(consent, 'utf8').trimEnd() + '\n  AND ($grantedBy IS NULL OR n.grantedBy = $grantedBy)\n');
      expect(() => loadCypherRegistry(dir)).toThrow(/filters\/Consent\.cypher: takes \$grantedBy, \$householdId but the Consent filter .* has householdId/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseCypherFile', () => {
  const header = '// Purpose: p\n// Parameters: $a\n// Returns: x\n// Mode: READ\n';
  const name: QueryName = 'pingDatabase';

  it('collects the $parameters of the statement body, not of the header', () => {
    const parsed = parseCypherFile(name, `${header}MATCH (n {id: $a}) WHERE n.b = $b RETURN n.id AS x`);
    expect(typeof parsed !== 'string' && parsed.parameters).toEqual(['a', 'b']);
  });

  it('reads the mode from the header', () => {
    const parsed = parseCypherFile(name, header.replace('READ', 'WRITE') + 'CREATE (n) RETURN 1 AS x');
    expect(typeof parsed !== 'string' && parsed.mode).toBe('WRITE');
  });

  it('rejects a file holding two statements', () => {
    expect(parseCypherFile(name, `${header}RETURN 1 AS x;\nRETURN 2 AS x`)).toMatch(/exactly one statement/);
  });

  it('rejects an unknown mode', () => {
    expect(parseCypherFile(name, header.replace('READ', 'SOMETIMES') + 'RETURN 1 AS x')).toMatch(/READ, WRITE or SCHEMA/);
  });

  it('rejects a header with no statement below it', () => {
    expect(parseCypherFile(name, header)).toMatch(/no statement/);
  });
});
