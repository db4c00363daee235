import { mkdtempSync, readFileSync, readdirSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALL_QUERY_NAMES,
  loadCypherRegistry,
  parseCypherFile,
  type QueryName,
} from '../../../src/store/neo4j/cypherRegistry';

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

/** Query names the adapter source refers to as `Q.<name>` (the registry's own list does not count as a use). */
const namesUsedByAdapter = () => {
  const used = new Set<string>();
  for (const file of readdirSync(ADAPTER_DIR).filter((f) => f.endsWith('.ts') && f !== 'cypherRegistry.ts')) {
    const source = readFileSync(join(ADAPTER_DIR, file), 'utf8');
    for (const m of source.matchAll(/\bQ\.([A-Za-z][A-Za-z0-9]*)/g)) used.add(m[1] as string);
  }
  return used;
};

describe('cypher registry', () => {
  it('lists every .cypher file in cypher/ (a file nobody lists is dead Cypher)', () => {
    const listed = new Set<string>(ALL_QUERY_NAMES);
    expect(cypherFiles().filter((f) => !listed.has(f))).toEqual([]);
  });

  it('has a file for every listed query name', () => {
    const files = new Set(cypherFiles());
    expect(ALL_QUERY_NAMES.filter((name) => !files.has(name))).toEqual([]);
  });

  it('lists only names the adapter uses (every file is run by src/store/neo4j)', () => {
    const used = namesUsedByAdapter();
    expect(ALL_QUERY_NAMES.filter((name) => !used.has(name))).toEqual([]);
  });

  it('has a file for every query name the adapter uses', () => {
    const files = new Set(cypherFiles());
    expect([...namesUsedByAdapter()].filter((name) => !files.has(name))).toEqual([]);
  });

  it('loads every file with a complete header (Purpose, Parameters, Returns, Mode)', () => {
    const registry = loadCypherRegistry(CYPHER_DIR);
    for (const name of ALL_QUERY_NAMES) expect(registry.get(name).text.length).toBeGreaterThan(0);
  });

  it('names every $parameter a statement uses in its "// Parameters:" header line', () => {
    const registry = loadCypherRegistry(CYPHER_DIR);
    const undocumented = ALL_QUERY_NAMES.flatMap((name) => {
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
      for (const f of readdirSync(CYPHER_DIR)) copyFileSync(join(CYPHER_DIR, f), join(dir, f));
      rmSync(join(dir, 'listNeeds.cypher'));
      expect(() => loadCypherRegistry(dir)).toThrow(/listNeeds\.cypher is missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails start-up naming the file when a header line is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huzhu-cypher-'));
    try {
      for (const f of readdirSync(CYPHER_DIR)) copyFileSync(join(CYPHER_DIR, f), join(dir, f));
      writeFileSync(join(dir, 'pingDatabase.cypher'), '// Purpose: x\n// Parameters: none\n// Mode: READ\nRETURN 1 AS ok\n');
      expect(() => loadCypherRegistry(dir)).toThrow(/pingDatabase\.cypher: the header needs a "\/\/ Returns: …" line/);
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
