import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoPath } from '../repoPath';
import { loadSyntheticWorld } from '../seed/syntheticWorld';
import { Neo4jStore } from '../store/neo4j/Neo4jStore';
import neo4j from 'neo4j-driver';
import { ARRAY_DELIMITER, writeAdminImportCsv, type AdminImportFiles } from './writeAdminImportCsv';

const HELP = `First load of a large seed into a new Neo4j database with neo4j-admin database import full
(issue 13 item 5; README "Neo4j", bench/README.md): writes the seed as CSV (the graph seedStore's first load
leaves, laid out as the adapter writes it), imports it into the STOPPED database under --data-dir, and with
--port starts Neo4j there (tools/neo4j/start.mjs) and runs the adapter's init(), which creates the
constraints and indexes. Everything already in that database is replaced.

  npx tsx src/cli/neo4jAdminImport.ts --data-dir /tmp/neo4j-big --households 1000000 [--seed 1] [--port 7721]

Options:
  --data-dir DIR   the launcher's NEO4J_DATA_DIR (store in DIR/data); Neo4j must not be running there
  --households N   synthetic households (default 10000)
  --seed S         integer seed (default 1): the same rows as npm run seed with that seed
  --csv-dir DIR    where the CSV files go (default DIR/import-csv; removed after a successful import)
  --keep-csv       keep the CSV files
  --port P         then start Neo4j on bolt port P (auth off) and run init(); it is left running
  --help           this text`;

export interface AdminImportReport {
  households: number;
  csvMs: number;
  importMs: number;
  /** Start of Neo4j and the adapter's init() (constraints, indexes): with --port only. */
  startMs: number | null;
  initMs: number | null;
}

/** The route end to end (the CLI's work, and the test's and bench's). */
export async function adminImport(options: {
  dataDir: string;
  households: number;
  seed: number;
  csvDir?: string;
  keepCsv?: boolean;
  port?: number;
  log?: (line: string) => void;
}): Promise<AdminImportReport> {
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir);
  assertStopped(dataDir);
  const csvDir = options.csvDir ?? join(dataDir, 'import-csv');
  rmSync(csvDir, { recursive: true, force: true });
  let started = performance.now();
  const files = await writeAdminImportCsv(csvDir, { households: options.households, seed: options.seed, world: loadSyntheticWorld(), log });
  const csvMs = performance.now() - started;
  log(`admin-import: CSV written in ${(csvMs / 1000).toFixed(1)} s (${csvDir})`);

  const confDir = join(dataDir, 'admin-conf');
  mkdirSync(confDir, { recursive: true });
  writeFileSync(join(confDir, 'neo4j.conf'), `server.directories.data=${join(dataDir, 'data')}\nserver.directories.logs=${join(dataDir, 'logs')}\n`);
  const args = [
    '-cp',
    `${join(LAUNCHER_DIR, 'target', 'lib')}/*`,
    `-Xmx${process.env['NEO4J_HEAP'] ?? '1g'}`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    'neo4j',
    '--overwrite-destination=true',
    `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    '--threads=2',
    `--report-file=${join(dataDir, 'import.report')}`,
    ...files.nodes.map((f) => `--nodes=${f.header},${f.data}`),
    ...files.relationships.map((f) => `--relationships=${f.header},${f.data}`),
  ];
  started = performance.now();
  const run = spawnSync(javaBin(), args, { env: { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: confDir }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const importMs = performance.now() - started;
  if (run.error || run.status !== 0) {
    throw new Error(`cli/neo4jAdminImport: neo4j-admin database import failed (exit ${run.status ?? 'none'}): ${(run.error?.message ?? '') + run.stdout.slice(-3000) + run.stderr.slice(-3000)}`);
  }
  log(`admin-import: neo4j-admin database import full in ${(importMs / 1000).toFixed(1)} s`);
  if (!options.keepCsv) rmSync(csvDir, { recursive: true, force: true });
  if (options.port === undefined) return { households: options.households, csvMs, importMs, startMs: null, initMs: null };

  started = performance.now();
  const start = spawnSync(process.execPath, [join(LAUNCHER_DIR, 'start.mjs')], {
    env: { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(options.port), NEO4J_AUTH: 'none' },
    encoding: 'utf8',
  });
  if (start.status !== 0) throw new Error(`cli/neo4jAdminImport: Neo4j did not start on ${dataDir}: ${start.stdout.slice(-2000)}${start.stderr.slice(-2000)}`);
  const startMs = performance.now() - started;
  started = performance.now();
  const uri = `bolt://127.0.0.1:${options.port}`;
  await setEmptyLists(uri, files);
  const store = new Neo4jStore({ uri, user: 'neo4j', database: 'neo4j', timeoutMs: 60_000 });
  try {
    await store.init();
  } finally {
    await store.close();
  }
  const initMs = performance.now() - started;
  log(`admin-import: Neo4j started in ${(startMs / 1000).toFixed(1)} s, init() (constraints, indexes) in ${(initMs / 1000).toFixed(1)} s; bolt://127.0.0.1:${options.port}`);
  return { households: options.households, csvMs, importMs, startMs, initMs };
}

// Private:

/**
 * The one fix-up the CSV cannot carry: list properties that are empty lists (an empty CSV field is "no
 * property"), set to [] where missing, in batches. Identifiers come from our own column names, never from data.
 */
async function setEmptyLists(uri: string, files: AdminImportFiles): Promise<void> {
  const driver = neo4j.driver(uri);
  try {
    for (const file of files.nodes) {
      for (const key of file.emptyLists) {
        if (!/^[A-Za-z][A-Za-z0-9]*$/.test(file.name) || !/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new Error(`cli/neo4jAdminImport: unexpected name ${file.name}.${key}`);
        const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
        try {
          await session.run(`MATCH (n:${file.name}) WHERE n.${key} IS NULL CALL (n) { SET n.${key} = [] } IN TRANSACTIONS OF 10000 ROWS`);
        } finally {
          await session.close();
        }
      }
    }
  } finally {
    await driver.close();
  }
}

const LAUNCHER_DIR = repoPath('tools/neo4j');

function assertStopped(dataDir: string): void {
  const pidFile = join(dataDir, 'neo4j.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
  } catch {
    return; // a stale pid file
  }
  throw new Error(`cli/neo4jAdminImport: Neo4j is running on ${dataDir} (pid ${pid}); stop it first (NEO4J_DATA_DIR=${dataDir} node tools/neo4j/stop.mjs)`);
}

function javaBin(): string {
  const home = process.env['JAVA_HOME'];
  return home && existsSync(join(home, 'bin', 'java')) ? join(home, 'bin', 'java') : 'java';
}

function flags() {
  return parseArgs({
    options: {
      'data-dir': { type: 'string' },
      households: { type: 'string' },
      seed: { type: 'string' },
      'csv-dir': { type: 'string' },
      'keep-csv': { type: 'boolean' },
      port: { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
}

function whole(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`cli/neo4jAdminImport: ${flag} must be a whole number, got ${JSON.stringify(raw)}`);
  return n;
}

if (require.main === module) {
  const values = flags();
  if (values.help || values['data-dir'] === undefined) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  adminImport({
    dataDir: values['data-dir'],
    households: whole('--households', values.households, 10_000),
    seed: whole('--seed', values.seed, 1),
    ...(values['csv-dir'] ? { csvDir: values['csv-dir'] } : {}),
    keepCsv: values['keep-csv'] === true,
    ...(values.port ? { port: whole('--port', values.port, 0) } : {}),
    log: (line) => console.log(line),
  })
    .then((report) => console.log(`admin-import: done ${JSON.stringify(report)}`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
