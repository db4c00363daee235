import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Neo4jStore } from '../../../src/store/neo4j/Neo4jStore';
import { DEMO_PASSWORD, E2E_SEED_HOUSEHOLDS, e2eServers, type StoreName } from './e2eEnv';

/**
 * The browser suite's web server (playwright.config.ts `webServer.command`):
 * `tsx test/browser/support/startServer.ts memory|neo4j`.
 *
 * It starts Huzhu exactly as the README does, `npm start` (build, then
 * `node dist/src/main.js`), in development mode so the demo accounts exist,
 * with its own PORT, a fresh DATA_DIR under the temp dir, a small synthetic
 * seed and a known DEMO_ACCOUNT_PASSWORD. For Neo4j it first empties the
 * suite's database (a test database, emptied the same way jest's Neo4j tier
 * empties it) so the server seeds it from scratch. On SIGTERM/SIGINT it stops
 * the server and removes the data dir.
 */
async function main(): Promise<void> {
  const store = process.argv[2] as StoreName | undefined;
  const server = e2eServers().find((s) => s.store === store);
  if (!server) throw new Error(`startServer: usage: startServer.ts memory|neo4j (got ${String(store)}; neo4j needs E2E_NEO4J_URI or NEO4J_URI)`);

  if (server.neo4jUri) await emptyNeo4j(server.neo4jUri);

  const dataDir = mkdtempSync(join(tmpdir(), `huzhu-e2e-${server.store}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(server.port),
    DATA_DIR: dataDir,
    SEED_HOUSEHOLDS: E2E_SEED_HOUSEHOLDS,
    SEED_ON_START: 'true',
    DEMO_ACCOUNT_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
  };
  delete env['JWT_SECRET'];
  if (server.neo4jUri) env['NEO4J_URI'] = server.neo4jUri;
  else delete env['NEO4J_URI'];

  // E2E_APP_DIR: start the server from another checkout (default: this one).
  // Its own process group, so the wrapper can stop npm and the node server under it together
  // (npm does not pass SIGTERM on to its script).
  const child = spawn('npm', ['start'], { env, stdio: 'inherit', cwd: process.env['E2E_APP_DIR'] ?? process.cwd(), detached: true });
  const group = child.pid;
  if (group === undefined) throw new Error('startServer: npm start did not start');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    await stopGroup(group, signal);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(exitCode);
  };
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGINT', () => void stop('SIGINT', 0));
  // npm gone (the server failed or ended): take whatever is left of its group with it.
  child.on('exit', (code) => void stop('SIGTERM', code ?? 1));
}

/** How long the server gets to shut down after SIGTERM before it is killed. */
const STOP_GRACE_MS = 8_000;

/**
 * Signals the whole process group and waits for it to be gone; if the server
 * has not exited within STOP_GRACE_MS it is killed, and the log says so (an
 * orphaned server would keep the port and Playwright's output pipe open).
 */
async function stopGroup(group: number, signal: NodeJS.Signals): Promise<void> {
  if (!signalGroup(group, signal)) return;
  const deadline = Date.now() + STOP_GRACE_MS;
  while (signalGroup(group, 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (signalGroup(group, 0)) {
    console.error(`browser suite: the server did not exit within ${STOP_GRACE_MS / 1000} s of ${signal}; killing it`);
    signalGroup(group, 'SIGKILL');
  }
}

/** Sends a signal to a process group; false when the group no longer exists. */
function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-group, signal);
    return true;
  } catch {
    return false;
  }
}

async function emptyNeo4j(uri: string): Promise<void> {
  const password = process.env['NEO4J_PASSWORD'];
  const store = new Neo4jStore({
    uri,
    user: process.env['NEO4J_USER'] ?? 'neo4j',
    ...(password ? { password } : {}),
    database: process.env['NEO4J_DATABASE'] ?? 'neo4j',
    timeoutMs: 60_000,
  });
  try {
    await store.init();
    await store.deleteAllForTests();
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error('browser suite: the server did not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
