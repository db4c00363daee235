import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { repoRoot } from '../src/repoPath';
import { createNeo4jDriver } from '../src/store/neo4j/Neo4jRunner';

/**
 * The Neo4j the bench measures: the one named by --neo4j-uri / NEO4J_URI, or
 * one of its own started with tools/neo4j on its own port and data directory
 * (so it never empties another engineer's database), stopped at the end.
 */
export interface BenchNeo4j {
  uri: string;
  /** True when the bench started it (and so may empty it and must stop it). */
  own: boolean;
  driver: Driver;
  version: string;
  edition: string;
  /** heap / page cache of our own instance; null when the database was given. */
  memory: { heap: string; pageCache: string } | null;
  /** The server's process id when the bench started it (its CPU time is read from /proc); null otherwise. */
  pid: number | null;
  stop(): Promise<void>;
}

export const OWN_NEO4J = {
  port: 7699,
  dataDir: join('.data', 'bench-neo4j'),
  heap: '3g',
  pageCache: '2g',
} as const;

export async function openBenchNeo4j(givenUri: string | null, log: (line: string) => void): Promise<BenchNeo4j> {
  const own = givenUri === null;
  let uri = givenUri ?? `bolt://127.0.0.1:${OWN_NEO4J.port}`;
  const env = {
    ...process.env,
    NEO4J_AUTH: 'none',
    NEO4J_BOLT_PORT: String(OWN_NEO4J.port),
    NEO4J_DATA_DIR: OWN_NEO4J.dataDir,
    NEO4J_HEAP: OWN_NEO4J.heap,
    NEO4J_PAGECACHE: OWN_NEO4J.pageCache,
  };
  if (own) {
    log(`neo4j: starting our own instance on port ${OWN_NEO4J.port} (data ${OWN_NEO4J.dataDir}, heap ${OWN_NEO4J.heap}, page cache ${OWN_NEO4J.pageCache})`);
    const started = spawnSync(process.execPath, [join(repoRoot(), 'tools', 'neo4j', 'start.mjs')], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (started.status !== 0) {
      throw new Error(`bench/neo4j: tools/neo4j/start.mjs failed (exit ${started.status}); see ${OWN_NEO4J.dataDir}/neo4j.log, or pass --neo4j-uri`);
    }
    uri = started.stdout.trim().split('\n').reverse().find((line) => /^bolt:\/\//.test(line)) ?? uri;
  }
  const password = process.env['NEO4J_PASSWORD'];
  const driver = createNeo4jDriver({ uri, user: process.env['NEO4J_USER'] ?? 'neo4j', password: own ? undefined : password, timeoutMs: 60_000 });
  const rows = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition');
  const record = rows.records[0];
  return {
    uri,
    own,
    driver,
    version: String(record?.get('version') ?? 'unknown'),
    edition: String(record?.get('edition') ?? 'unknown'),
    memory: own ? { heap: OWN_NEO4J.heap, pageCache: OWN_NEO4J.pageCache } : null,
    pid: own ? readPid() : null,
    async stop() {
      await driver.close();
      if (own) {
        log('neo4j: stopping our own instance');
        spawnSync(process.execPath, [join(repoRoot(), 'tools', 'neo4j', 'stop.mjs')], { env, stdio: 'inherit' });
      }
    },
  };
}

function readPid(): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(repoRoot(), OWN_NEO4J.dataDir, 'neo4j.pid'), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export async function countNodes(driver: Driver): Promise<number> {
  const res = await driver.executeQuery('MATCH (n) WHERE NOT (n:StoreVersion OR n:NetworkVersion) RETURN count(n) AS n');
  return toNumber(res.records[0]?.get('n'));
}

/**
 * Empties the database (all but the version counter), or the nodes of one label, in batches: edges
 * first, then nodes, so neither a million households nor a village holding thousands of LIVES_IN edges sits
 * in one transaction (Neo4j caps a transaction's memory).
 */
export async function wipe(driver: Driver, label: string | null = null): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    // Edges are matched from one direction only, so each is deleted once (bench labels link only to other labels).
    await session.run(
      label === null
        ? 'MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS'
        : `MATCH (:${label})-[r]-() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
    );
    await session.run(
      label === null
        ? 'MATCH (n) WHERE NOT (n:StoreVersion OR n:NetworkVersion) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS'
        : `MATCH (n:${label}) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
    );
  } finally {
    await session.close();
  }
}

export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  return typeof value === 'number' ? value : Number(value);
}
