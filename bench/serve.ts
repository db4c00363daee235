/**
 * The API process the bench measures, run as a child of bench/run.ts (so its
 * peak RSS is its own and the load generator does not share its event loop).
 *
 * argv[2]: JSON ServeOptions. It opens the store (the memory adapter is
 * seeded here, and the seed timed), starts Huzhu's real HTTP server
 * (createApp + createHttpServer, as src/main.ts does) on a loopback port, and
 * answers the parent's IPC commands (bench/serverProcess.ts).
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createApp } from '../src/api/createApp';
import { createHttpServer } from '../src/api/httpServer';
import { createLogger } from '../src/api/logger';
import { createAccessControl } from '../src/api/auth/createAccessControl';
import { issueToken } from '../src/api/auth/tokens';
import { jwtSecret } from '../src/api/auth/jwtSecret';
import type { Viewer } from '../src/api/auth/Viewer';
import { loadConfig } from '../src/config/config';
import { loadSyntheticWorld } from '../src/seed/syntheticWorld';
import type { GraphStore } from '../src/store/GraphStore';
import { MemoryStore } from '../src/store/memory/MemoryStore';
import { Neo4jStore } from '../src/store/neo4j/Neo4jStore';
import { createNeo4jDriver } from '../src/store/neo4j/Neo4jRunner';
import { createBareServer } from './bareServer';
import { countingStore } from './countingStore';
import { timedSeed, type SeedTiming } from './bulkLoad';
import { topUpOpenNeeds } from './extraOpenNeeds';
import { writePair } from './concurrentWriters';
import { newId } from '../src/domain/ids';
import { createPeerServer } from './peerServer';
import type { MemoryFigures, ServeCommand, ServeOptions, ServeReady } from './serveProtocol';

const JWT_SECRET = 'bench-secret-that-is-at-least-32-characters-long';

async function main(): Promise<void> {
  // tsx turns on source-mapped stack traces, and neo4j-driver captures a stack trace for every query result:
  // with source maps each capture costs a source-map lookup. Production (node dist/src/main.js) has none.
  process.setSourceMapsEnabled(false);
  const options = JSON.parse(process.argv[2] ?? '{}') as ServeOptions;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info',
    // The limiter still runs on every request; the bench sends far more than a person would.
    RATE_LIMIT_PER_MINUTE: '1000000000',
    SEED_ON_START: 'false',
    // A shared, busy machine answers slowly at times; a store call that times out measures nothing. The
    // figures show how long calls took; the budget in force is printed in the report.
    NEO4J_TIMEOUT_MS: process.env['NEO4J_TIMEOUT_MS'] ?? '60000',
    NEO4J_URI: options.neo4jUri ?? undefined,
  });
  const log = createLogger(config);
  let store: GraphStore;
  let load: SeedTiming | null = null;
  if (options.adapter === 'memory') {
    store = new MemoryStore({ dataDir: null });
    await store.init();
    load = await timedSeed(store, { households: options.households, seed: options.seed, world: loadSyntheticWorld(), log: (line) => log.info(line) });
  } else {
    if (!config.NEO4J_URI) throw new Error('bench/serve: the neo4j adapter needs neo4jUri');
    store = new Neo4jStore({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      ...(config.NEO4J_PASSWORD ? { password: config.NEO4J_PASSWORD } : {}),
      database: config.NEO4J_DATABASE,
      timeoutMs: config.NEO4J_TIMEOUT_MS,
    });
    await store.init();
  }

  const counted = countingStore(store);
  store = counted.store;
  const app = createApp({ config, store, log });
  await app.server.start();
  const access = await createAccessControl(config, log);
  const huzhu = createHttpServer({ app, store, log, resolveViewer: access.resolveViewer, requestLimiter: access.requestLimiter });
  const port = await listen(huzhu);
  const townships = (await store.list('Township', {}, { first: 100 })).items.map((t) => t.id);
  const viewer: Viewer = { subject: 'bench-coordinator', role: 'COORDINATOR', townshipIds: townships, villageIds: [], organizationId: null, personId: null };
  const token = await issueToken(jwtSecret(config).secret, { sub: viewer.subject, role: 'COORDINATOR', townships });
  // planAllocations across the whole county is an ADMIN's call (a coordinator plans within a township).
  const adminToken = await issueToken(jwtSecret(config).secret, { sub: 'bench-admin', role: 'ADMIN' });

  const extras: Array<() => Promise<void>> = [];
  const handle = async (command: ServeCommand): Promise<unknown> => {
    switch (command.cmd) {
      case 'startBare': {
        const bare = createBareServer(store, viewer, log, { cacheDocuments: false });
        const cached = createBareServer(store, viewer, log, { cacheDocuments: true });
        extras.push(() => close(bare), () => close(cached));
        return { port: await listen(bare), cachedPort: await listen(cached) };
      }
      case 'startPeer': {
        if (!config.NEO4J_URI) throw new Error('bench/serve: the peer runs on Neo4j only');
        const driver = createNeo4jDriver({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, timeoutMs: config.NEO4J_TIMEOUT_MS });
        const peer = await createPeerServer(driver);
        extras.push(async () => {
          await close(peer.server);
          await peer.stop();
          await driver.close();
        });
        return { port: await listen(peer.server) };
      }
      case 'topUpOpenNeeds':
        return topUpOpenNeeds(store, command.target, options.seed);
      case 'bumpVersion':
        // Rewriting the categories changes nothing but the store version, so the next request rebuilds the network view.
        await store.upsertCategories(await store.listCategories());
        return store.version();
      case 'version':
        return store.version();
      case 'sampleNeeds':
        return sampleOpenNeeds(store, command.count);
      case 'memory':
        return memoryFigures();
      case 'cpu': {
        const usage = process.cpuUsage();
        return (usage.user + usage.system) / 1000;
      }
      case 'registerHousehold': {
        const village = (await store.list('Village', {}, { first: 1, count: false })).items[0];
        const category = (await store.listCategories())[0];
        if (!village || !category) throw new Error('bench/serve: registerHousehold needs a seeded store');
        await writePair(store, village.id, `bench-plan:${command.key}`, category.code);
        return null;
      }
      case 'sendReferral': {
        const need = (await store.list('Need', { status: 'OPEN' }, { first: 1, count: false })).items[0];
        const service = need ? (await store.list('Service', { category: need.category }, { first: 1, count: false })).items[0] : undefined;
        if (!need || !service) throw new Error('bench/serve: sendReferral needs an OPEN need and a service of its category');
        const at = new Date().toISOString();
        const id = newId('Referral');
        await store.upsertMany('Referral', [
          {
            id,
            needId: need.id,
            serviceId: service.id,
            householdId: need.householdId,
            organizationId: service.organizationId,
            status: 'SENT',
            reason: null,
            idempotencyKey: `bench-plan:${command.key}`,
            consentOverrideReason: null,
            transitions: [{ status: 'SENT', at, actorId: 'per_bench', reason: null, note: '基准测试(synthetic)' }],
            createdAt: at,
            updatedAt: at,
          },
        ]);
        return id;
      }
      case 'storeCalls':
        return counted.take();
      case 'stop':
        for (const stop of extras) await stop();
        await close(huzhu);
        await app.server.stop();
        await store.close();
        setImmediate(() => process.exit(0));
        return null;
      default: {
        const never: never = command;
        throw new Error(`bench/serve: unknown command ${JSON.stringify(never)}`);
      }
    }
  };
  process.on('message', (message: { id: number } & ServeCommand) => {
    handle(message).then(
      (result) => process.send?.({ id: message.id, ok: true, result }),
      (error: unknown) => process.send?.({ id: message.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
    );
  });
  const ready: ServeReady = { type: 'ready', port, token, adminToken, load, neo4jTimeoutMs: config.NEO4J_TIMEOUT_MS };
  process.send?.(ready);
}

/** Up to `count` OPEN needs of the seed (not the bench's extra ones), spread evenly over them in id order. */
async function sampleOpenNeeds(store: GraphStore, count: number): Promise<Array<{ id: string; category: string; householdId: string }>> {
  const page = await store.list('Need', { status: 'OPEN' }, { first: 10_000 });
  const seeded = page.items.filter((n) => !n.id.startsWith('need_bench-'));
  const step = Math.max(1, Math.floor(seeded.length / count));
  const out: Array<{ id: string; category: string; householdId: string }> = [];
  for (let i = 0; i < seeded.length && out.length < count; i += step) {
    const need = seeded[i];
    if (need) out.push({ id: need.id, category: need.category, householdId: need.householdId });
  }
  return out;
}

function memoryFigures(): MemoryFigures {
  let vmHWMKiB: number | null = null;
  let vmRSSKiB: number | null = null;
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    vmHWMKiB = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
    vmRSSKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
  } catch {
    // no procfs: maxRSS below carries the peak
  }
  return { vmHWMKiB, vmRSSKiB, maxRssKiB: process.resourceUsage().maxRSS, heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

main().catch((error: unknown) => {
  console.error('bench/serve: failed:', error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
