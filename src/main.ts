import type { AddressInfo } from 'node:net';
import { loadConfig, ConfigError } from './config/config';
import { createApp } from './api/createApp';
import { createHttpServer } from './api/httpServer';
import { createLogger } from './api/logger';
import { createAccessControl } from './api/auth/createAccessControl';
import { createStore, describeStore } from './store/createStore';
import { Neo4jStore } from './store/neo4j/Neo4jStore';
import { seedIfEmpty } from './seed/seedIfEmpty';
import { jwtSecret } from './api/auth/jwtSecret';
import { createSessionGate } from './api/session/createSessionGate';
import { defaultPasswordHasher } from './services/defaultPasswordHasher';
import { describeDemoAccounts, ensureDemoAccounts, storedDemoLogins } from './services/demoAccounts';
import { alertSinksFromConfig } from './services/alerts/alertSinksFromConfig';
import { startAlertScanner } from './services/alerts/startAlertScanner';

/**
 * `npm start`: load config, open the store (embedded memory unless NEO4J_URI
 * is set), seed an empty store, serve GraphQL at /graphql.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const store = createStore(config);
  log.info({ store: describeStore(config) }, 'opening store');
  await store.init();
  if (store instanceof Neo4jStore && store.lastSchemaUpgrade !== null && store.lastSchemaUpgrade.fromVersion !== store.lastSchemaUpgrade.toVersion) {
    // An older layout rewritten at start-up (issue 13 item 4): typed relationships instead of [:LINK {type}].
    const upgrade = store.lastSchemaUpgrade;
    if (upgrade.unknownLinks > 0) log.warn({ schemaUpgrade: upgrade }, 'store: upgraded the Neo4j layout; some [:LINK] edges have no known relationship type and were kept as they are');
    else log.info({ schemaUpgrade: upgrade }, 'store: upgraded the Neo4j layout (typed relationships)');
  }
  if (store instanceof Neo4jStore && store.lastCounterBackfill !== null && store.lastCounterBackfill.villages + store.lastCounterBackfill.services > 0) {
    // An upgraded database: the village and service counters the network view reads were computed once (issue 13 item 2).
    log.info({ counterBackfill: store.lastCounterBackfill }, 'store: computed the missing village and service counters');
  }
  if (config.SEED_ON_START) {
    await seedIfEmpty(store, { households: config.SEED_HOUSEHOLDS, seed: config.SEED_RANDOM, log: (line) => log.info(line) });
  } else if ((await store.getSeedRun())?.status === 'IN_PROGRESS') {
    log.warn('seed: INCOMPLETE: an earlier seed stopped part-way and SEED_ON_START=false; /healthz says degraded until `npm run seed` (or a start with SEED_ON_START=true) completes it');
  }
  if (config.NODE_ENV !== 'production') {
    // Development only: demo accounts (演示) on the first start, printed once; production has none.
    const demo = await ensureDemoAccounts(
      { store, now: () => new Date(), hasher: defaultPasswordHasher() },
      { password: config.DEMO_ACCOUNT_PASSWORD, correlationId: 'start-up' },
    );
    for (const line of describeDemoAccounts(demo)) process.stdout.write(`${line}\n`);
  } else {
    const demoLogins = await storedDemoLogins(store);
    if (demoLogins.length > 0) {
      log.warn({ demoAccounts: demoLogins }, `存储中有 ${demoLogins.length} 个演示账号；生产环境拒绝其登录。请用 npm run user -- disable --login <登录名> 停用 (demo accounts exist in the store: production refuses their sign-in; disable them with npm run user -- disable --login <login>)`);
    }
  }
  const app = createApp({ config, store, log });
  await app.server.start();
  const access = await createAccessControl(config, log);
  const sessions = createSessionGate({ config, store, log, secret: jwtSecret(config).secret, resolveBearer: access.resolveViewer });
  const http = createHttpServer({ app, store, log, resolveViewer: access.resolveViewer, requestLimiter: access.requestLimiter, sessions });
  await new Promise<void>((resolve) => http.listen(config.PORT, config.HOST, resolve));
  const { port } = http.address() as AddressInfo;
  log.info(`Huzhu listening on http://${config.HOST}:${port}/graphql — store: ${describeStore(config)}`);
  // Pushed alerts (issue 15 item 5): every API process scans; the store writes each alert once.
  const sinks = alertSinksFromConfig(config);
  const alerts =
    config.ALERT_SCAN_INTERVAL_SECONDS > 0
      ? startAlertScanner({ store, now: () => new Date() }, { intervalMs: config.ALERT_SCAN_INTERVAL_SECONDS * 1000, sinks, log })
      : null;
  log.info({ alertScanSeconds: config.ALERT_SCAN_INTERVAL_SECONDS, alertSinks: sinks.map((s) => s.name) }, 'alerts: overdue scan scheduled');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // A stuck dependency must not keep a stopped server alive (docker stop, systemd, the browser suite).
    setTimeout(() => {
      log.error({ signal }, 'shutdown did not finish within 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
    http.close();
    // Kept-alive browser connections would hold close() open until they time out.
    http.closeIdleConnections();
    await alerts?.stop();
    await app.server.stop();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('huzhu: failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
