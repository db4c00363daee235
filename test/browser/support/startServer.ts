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
  // Its own process group: a signal to the wrapper reaches npm and the node server under it
  // (npm does not pass SIGTERM on to its script).
  const child = spawn('npm', ['start'], { env, stdio: 'inherit', cwd: process.env['E2E_APP_DIR'] ?? process.cwd(), detached: true });
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  process.on('SIGTERM', () => forward('SIGTERM'));
  process.on('SIGINT', () => forward('SIGINT'));
  child.on('exit', (code, signal) => {
    cleanUp();
    process.exit(code ?? (signal ? 0 : 1));
  });
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
