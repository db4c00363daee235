/**
 * `npm run bench` (issue 7): measures Huzhu and writes BENCHMARKS.md (or, with
 * --smoke, BENCHMARKS.smoke.md). Flags and method: bench/README.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSyntheticWorld } from '../src/seed/syntheticWorld';
import { Neo4jStore } from '../src/store/neo4j/Neo4jStore';
import { repoRoot } from '../src/repoPath';
import { parseBenchArgs, SECTIONS, type BenchArgs } from './benchArgs';
import { countNodes, openBenchNeo4j, wipe, type BenchNeo4j } from './benchNeo4j';
import type { Adapter, BenchResults, CoverageFigures, NeoLoad, PlanFigures } from './benchResults';
import { floorLoad, nodeProbe, seedCeilings, timedSeed } from './bulkLoad';
import { loadSeries, postJson, type HttpTarget } from './httpLoad';
import { loadAverage, machineInfo } from './machineInfo';
import { COVERAGE_QUERY, MATCH_QUERY, NETWORK_METRICS_QUERY, NODE_QUERY, PEER_MATCH_QUERY, PLAN_MUTATION } from './queries';
import { lookupSeries } from './rawLookup';
import type { StoreCallTally } from './countingStore';
import { ownCpuMs, procCpuMs, type CpuSample } from './cpuUsage';
import { CHILD_MAX_OLD_SPACE_MB, startApiProcess, type ApiProcess } from './serverProcess';
import { median } from './stats';
import { writeReport } from './writeReport';
import { concurrentWriters } from './concurrentWriters';
import { mixedWorkload } from './mixedWorkload';
import { measureMapRender } from './mapRender';
import { householdImportBench } from './householdImport';
import { hsdsExportBench } from './hsdsExport';

const BENCH_DATA = join('.data', 'bench');
const started = performance.now();

function log(line: string): void {
  const s = Math.round((performance.now() - started) / 1000);
  process.stdout.write(`[bench ${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${line}\n`);
}

async function main(): Promise<void> {
  // tsx turns on source-mapped stack traces, and neo4j-driver captures a stack trace for every query result:
  // with source maps each capture costs a source-map lookup. Production (node dist/src/main.js) has none.
  process.setSourceMapsEnabled(false);
  const args = parseBenchArgs(process.argv.slice(2), process.env);
  process.chdir(repoRoot());
  if (args.fromJson) {
    const results = JSON.parse(readFileSync(args.fromJson, 'utf8')) as BenchResults;
    writeFileSync(args.out, writeReport(results));
    log(`wrote ${args.out} from ${args.fromJson}`);
    return;
  }
  mkdirSync(BENCH_DATA, { recursive: true });
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    command: args.command,
    settings: {
      smoke: args.smoke,
      sizes: args.sizes,
      seed: args.seed,
      matchSize: args.matchSize,
      planNeeds: args.planNeeds,
      httpSeconds: args.httpSeconds,
      httpWarmupSeconds: args.httpWarmupSeconds,
      httpRuns: args.httpRuns,
      loadRuns: args.loadRuns,
      serviceRuns: args.serviceRuns,
      only: SECTIONS.filter((s) => args.only.has(s)),
      childMaxOldSpaceMb: CHILD_MAX_OLD_SPACE_MB,
      neo4jTimeoutMs: null,
    },
    machine: machineInfo(),
    neo4j: null,
    loadAverages: [],
    load: [],
    seedCeilings: null,
    memoryLoad: [],
    match: [],
    overhead: [],
    peer: null,
    plan: [],
    coverage: [],
    rss: [],
    writers: [],
    failures: [],
  };
  log(`${args.command}: sizes ${args.sizes.join(', ')}; sections ${results.settings.only.join(', ')}; ${results.machine.cores} cores, load ${results.machine.loadAtStart.join(' ')}`);

  let neo: BenchNeo4j | null = null;
  try {
    if (!args.memoryOnly) {
      neo = await openBenchNeo4j(args.neo4jUri, log);
      results.neo4j = { version: neo.version, edition: neo.edition, own: neo.own, heap: neo.memory?.heap ?? null, pageCache: neo.memory?.pageCache ?? null };
      log(`neo4j ${neo.version} ${neo.edition} at ${neo.uri}`);
      await assertMayWipe(neo, args);
    }
    const adapters: Adapter[] = neo ? ['memory', 'neo4j'] : ['memory'];
    let warmedUp = false;
    for (const size of args.sizes) {
      if (neo) {
        await step(results, `neo4j load ${fmt(size)}`, () => loadNeo4j(neo as BenchNeo4j, args, results, size, !warmedUp));
        warmedUp = true;
      }
      for (const adapter of adapters) {
        await step(results, `${adapter} API at ${fmt(size)}`, () => apiSections(adapter, size, args, results, neo));
      }
      // After the API sections: the writers add households the other sections must not see.
      if (neo && size === args.matchSize && args.only.has('writers')) {
        await step(results, `neo4j concurrent writers at ${fmt(size)}`, () => writersSection(neo as BenchNeo4j, args, results, size));
      }
    }
    if (args.only.has('import')) {
      // The import of 100,000 household rows (smoke: 2,000): its own fresh stores, after the other sections.
      await step(results, 'household import', async () => {
        results.householdImport = await householdImportBench({ rows: args.smoke ? 2_000 : 100_000, log });
      });
    }
    if (args.only.has('hsds')) {
      // The HSDS export of the whole directory (issue 14 item 1): its own memory stores (smoke: 200 synthetic organisations).
      await step(results, 'hsds export', async () => {
        results.hsdsExport = await hsdsExportBench({ syntheticOrganizations: args.smoke ? 200 : 2_000, log });
      });
    }
    if (args.only.has('map')) {
      // The network map in headless Chromium (issue 12): its own server on the build, after the other sections.
      await step(results, 'network map render', async () => {
        results.mapRender = await measureMapRender({ runs: args.smoke ? 1 : 3, scale: 10, chromiumPath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', log });
      });
    }
  } finally {
    results.finishedAt = new Date().toISOString();
    results.loadAverages.push({ step: 'end', load: loadAverage() });
    const json = join(BENCH_DATA, args.smoke ? 'results.smoke.json' : 'results.json');
    writeFileSync(json, JSON.stringify(results, null, 2));
    writeFileSync(args.out, writeReport(results));
    log(`wrote ${args.out} (raw figures: ${json}; regenerate with --from-json ${json})`);
    if (neo) await neo.stop();
  }
  const failed = results.failures.length;
  log(`done in ${Math.round((performance.now() - started) / 1000)} s${failed > 0 ? `; ${failed} step(s) failed (listed in ${args.out})` : ''}`);
  if (failed > 0) process.exitCode = 1;
}

/** Runs one step; a failure is recorded for the report and the run goes on. */
async function step(results: BenchResults, name: string, work: () => Promise<void>): Promise<void> {
  results.loadAverages.push({ step: name, load: loadAverage() });
  log(`${name} (load average ${loadAverage().join(' ')})`);
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`FAILED ${name}: ${message}`);
    results.failures.push({ step: name, message });
  }
}

/** The bench empties the database it loads: only its own, CI's throwaway one, or one the caller gave up with --wipe. */
async function assertMayWipe(neo: BenchNeo4j, args: BenchArgs): Promise<void> {
  if (neo.own || args.wipe || process.env['CI'] === 'true') return;
  const nodes = await countNodes(neo.driver);
  if (nodes > 0) {
    throw new Error(
      `bench/run: ${neo.uri} holds ${fmt(nodes)} nodes and the bench empties the database before each load; ` +
        'point --neo4j-uri at a throwaway database, pass --wipe to allow it, or leave NEO4J_URI unset so the bench starts its own',
    );
  }
}

// -- section 1: bulk load into Neo4j -----------------------------------------

async function loadNeo4j(neo: BenchNeo4j, args: BenchArgs, results: BenchResults, size: number, warmUp: boolean): Promise<void> {
  const world = loadSyntheticWorld();
  // A load's transactions of 20,000 rows may take minutes on a shared machine: the budget per call is 10 minutes, not a latency bound.
  const store = new Neo4jStore({ uri: neo.uri, user: process.env['NEO4J_USER'] ?? 'neo4j', ...(neo.own || !process.env['NEO4J_PASSWORD'] ? {} : { password: process.env['NEO4J_PASSWORD'] }), database: 'neo4j', timeoutMs: 60_000, bulkTimeoutMs: 600_000 });
  try {
    await store.init();
    const measureLoad = args.only.has('load');
    if (measureLoad && warmUp && !args.smoke) {
      const households = 10_000;
      log(`load warm-up: ${fmt(households)} households through seedStore and the floor (not counted)`);
      await wipe(neo.driver);
      await timedSeed(store, { households, seed: args.seed, world, log: () => undefined });
      await floorLoad(neo.driver, { households, seed: args.seed, world, log: () => undefined });
    }
    const runs = measureLoad ? (size <= 100_000 ? args.loadRuns : 1) : 1;
    const entry: NeoLoad = { households: size, runs: [], floor: [], probe: null };
    for (let run = 1; run <= runs; run++) {
      await wipe(neo.driver);
      log(`load ${run}/${runs}: seedStore ${fmt(size)} households into Neo4j`);
      const timing = await timedSeed(store, { households: size, seed: args.seed, world, log: (line) => log(`  ${line}`) });
      entry.runs.push(timing);
      log(`  seedStore: ${fmt(Math.round((size * 1000) / timing.totalMs))} households/s end to end; households alone ${fmt(Math.round((size * 1000) / (timing.upsertMs.Household ?? NaN)))}/s`);
      if (measureLoad) {
        log(`load ${run}/${runs}: floor (raw UNWIND … CREATE) ${fmt(size)} households`);
        const floor = await floorLoad(neo.driver, { households: size, seed: args.seed, world, log: (line) => log(`  ${line}`) });
        entry.floor.push(floor);
        log(`  floor: ${fmt(Math.round((floor.households * 1000) / floor.writeMs))} households/s`);
        await wipe(neo.driver, 'BenchHousehold');
      }
    }
    if (measureLoad) {
      const nodes = Math.min(size, 100_000);
      log(`load: probe, ${fmt(nodes)} bare id-only nodes`);
      entry.probe = await nodeProbe(neo.driver, nodes);
      log(`  probe: ${fmt(Math.round((nodes * 1000) / entry.probe.writeMs))} nodes/s`);
      await wipe(neo.driver, 'BenchProbe');
      results.load.push(entry);
      if (results.seedCeilings === null) {
        results.seedCeilings = seedCeilings(nodes, args.seed, world);
        const c = results.seedCeilings;
        log(`  without a database: generating ${fmt(Math.round((nodes * 1000) / c.generateMs))} households/s, validating ${fmt(Math.round((nodes * 1000) / c.validateMs))} rows/s`);
      }
    }
  } finally {
    await store.close();
  }
}

// -- concurrent writers on the loaded Neo4j (issue 13 item 3) -------------------------

async function writersSection(neo: BenchNeo4j, args: BenchArgs, results: BenchResults, size: number): Promise<void> {
  const store = new Neo4jStore({ uri: neo.uri, user: process.env['NEO4J_USER'] ?? 'neo4j', ...(neo.own || !process.env['NEO4J_PASSWORD'] ? {} : { password: process.env['NEO4J_PASSWORD'] }), database: 'neo4j', timeoutMs: 60_000 });
  try {
    await store.init();
    const villages = (await store.list('Village', {}, { first: WRITERS })).items.map((v) => v.id);
    const [category] = await store.listCategories();
    if (!category) throw new Error('bench/run: the loaded store has no categories');
    const seconds = args.smoke ? 2 : 10;
    log(`writers: 1, then ${WRITERS} on distinct villages, then ${WRITERS} in one village; ${seconds} s each`);
    const figures = await concurrentWriters(store, { adapter: 'neo4j', households: size, writers: WRITERS, seconds, villageIds: villages, category: category.code });
    for (const run of figures.runs) log(`  ${run.layout} (${run.writers}): ${fmt(Math.round(run.perSecond))} households/s, p50 ${ms(run.p50Ms)}, p99 ${ms(run.p99Ms)}, ${run.errors} errors`);
    log(`  network version ${figures.networkVersionMoved ? 'MOVED' : 'unchanged'}`);
    (results.writers ??= []).push(figures);
  } finally {
    await store.close();
  }
}

const WRITERS = 10;

// -- sections 2-5 through the API process ------------------------------------------

async function apiSections(adapter: Adapter, size: number, args: BenchArgs, results: BenchResults, neo: BenchNeo4j | null): Promise<void> {
  const wanted = (s: (typeof SECTIONS)[number]) => args.only.has(s);
  const atMatchSize = size === args.matchSize;
  // The mixed workload runs at every size on Neo4j (issue 13 asks for 100,000 and 1,000,000), on memory at the match size.
  const mixedHere = wanted('mixed') && (adapter === 'neo4j' || atMatchSize);
  const needsApi = (atMatchSize && (wanted('match') || wanted('overhead') || wanted('peer') || wanted('plan'))) || wanted('coverage') || mixedHere || (adapter === 'memory' && wanted('load'));
  if (!needsApi) return;
  log(`${adapter}: starting the API process${adapter === 'memory' ? ` (it seeds ${fmt(size)} households into the memory store first)` : ''}`);
  const api = await startApiProcess(
    { adapter, households: size, seed: args.seed, neo4jUri: adapter === 'neo4j' ? (neo?.uri ?? null) : null },
    join(BENCH_DATA, `api-${adapter}-${size}.log`),
    45 * 60_000,
  );
  try {
    if (adapter === 'neo4j') results.settings.neo4jTimeoutMs = api.ready.neo4jTimeoutMs;
    if (api.ready.load) {
      results.memoryLoad.push({ households: size, timing: api.ready.load });
      log(`  memory seedStore: ${fmt(Math.round((size * 1000) / api.ready.load.totalMs))} households/s end to end`);
    }
    const ready = await api.memory();
    const headers = { authorization: `Bearer ${api.token}` };
    const sample = await api.request<Array<{ id: string; category: string; householdId: string }>>({ cmd: 'sampleNeeds', count: args.smoke ? 20 : 200 });
    if (sample.length === 0) throw new Error(`bench/run: the ${adapter} store has no OPEN need to match`);
    const body = (query: string) => (n: { id: string }) => JSON.stringify({ query, variables: { needId: n.id } });
    const matchTarget: HttpTarget = { url: api.url, headers, bodies: sample.map(body(MATCH_QUERY)) };
    const cpu = async (): Promise<CpuSample> => ({
      api: await api.request<number>({ cmd: 'cpu' }),
      neo4j: adapter === 'neo4j' && neo?.pid ? procCpuMs(neo.pid) : null,
      client: ownCpuMs(),
    });
    const series = (connections: number) => ({ connections, seconds: args.httpSeconds, warmupSeconds: args.httpWarmupSeconds, runs: args.httpRuns, cpu });

    if (atMatchSize && wanted('match')) {
      await step(results, `${adapter} matchNeed over HTTP`, async () => {
        const outcomes = { matched: 0, noSuitable: 0, errors: 0 };
        let firstError: unknown = null;
        for (const b of matchTarget.bodies.slice(0, 50)) {
          const res = await postJson(api.url, headers, b);
          const type = (res.json.data as { matchNeed?: { __typename?: string } } | undefined)?.matchNeed?.__typename;
          if (res.json.errors || res.status !== 200) {
            outcomes.errors++;
            firstError ??= res.json.errors ?? `HTTP ${res.status}`;
          } else if (type === 'Matched') outcomes.matched++;
          else outcomes.noSuitable++;
        }
        if (outcomes.errors > 0) {
          throw new Error(`matchNeed answered with errors (${outcomes.errors} of the first 50), e.g. ${JSON.stringify(firstError).slice(0, 300)}`);
        }
        const storeCalls = await storeCallsPerRequest(api, api.url, headers, matchTarget.bodies);
        log(`  store calls per matchNeed request: ${JSON.stringify(storeCalls)}`);
        const v0 = await api.request<number>({ cmd: 'version' });
        log(`  matchNeed, 1 connection`);
        const c1 = await loadSeries(matchTarget, series(1));
        log(`    p50 ${ms(c1.p50)} p99 ${ms(c1.p99)} ${Math.round(c1.rps)} req/s`);
        log(`  matchNeed, 10 connections`);
        const c10 = await loadSeries(matchTarget, series(10));
        log(`    p50 ${ms(c10.p50)} p99 ${ms(c10.p99)} ${Math.round(c10.rps)} req/s`);
        const v1 = await api.request<number>({ cmd: 'version' });
        let raw = null;
        if (adapter === 'neo4j' && neo) {
          log(`  raw Cypher lookup over the driver, 1 and 10 concurrent`);
          const ids = sample.map((n) => n.id);
          raw = { c1: await lookupSeries(neo.driver, ids, series(1)), c10: await lookupSeries(neo.driver, ids, series(10)) };
          log(`    p50 ${ms(raw.c1.p50)} / ${ms(raw.c10.p50)}; p99 ${ms(raw.c1.p99)} / ${ms(raw.c10.p99)}`);
        }
        results.match.push({ adapter, households: size, sampleNeeds: sample.length, outcomes, storeCalls, versionStable: v0 === v1, c1, c10, raw });
      });
    }

    if (mixedHere) {
      await step(results, `${adapter} mixed workload at ${fmt(size)}`, async () => {
        const figures = await mixedWorkload({
          adapter,
          households: size,
          match: matchTarget,
          householdIds: sample.map((n) => n.householdId),
          category: (sample[0] as { category: string }).category,
          series: series(10),
          log,
        });
        (results.mixed ??= []).push(figures);
      });
    }

    if (wanted('coverage')) {
      await step(results, `${adapter} coverage and networkMetrics at ${fmt(size)}`, async () => {
        const entry: CoverageFigures = {
          adapter,
          households: size,
          coverage: await coldAndWarm(api, headers, COVERAGE_QUERY, args.serviceRuns),
          networkMetrics: await coldAndWarm(api, headers, NETWORK_METRICS_QUERY, args.serviceRuns),
        };
        results.coverage.push(entry);
        log(`  coverage cold ${ms(entry.coverage.coldMs)} warm ${ms(median(entry.coverage.warmMs))}; networkMetrics cold ${ms(entry.networkMetrics.coldMs)} warm ${ms(median(entry.networkMetrics.warmMs))}`);
      });
    }

    if (atMatchSize && wanted('plan')) {
      await step(results, `${adapter} planAllocations for ${fmt(args.planNeeds)} open needs`, async () => {
        log(`  topping up to ${fmt(args.planNeeds)} OPEN needs`);
        const topUp = await api.request<{ before: number; added: number; ms: number }>({ cmd: 'topUpOpenNeeds', target: args.planNeeds });
        log(`    ${fmt(topUp.before)} seeded + ${fmt(topUp.added)} added in ${ms(topUp.ms)}`);
        const runOnce = async () => {
          const t0 = performance.now();
          const res = await postJson(api.url, { authorization: `Bearer ${api.ready.adminToken}` }, JSON.stringify({ query: PLAN_MUTATION }));
          const elapsed = performance.now() - t0;
          if (res.json.errors) throw new Error(`planAllocations failed after ${ms(elapsed)}: ${JSON.stringify(res.json.errors).slice(0, 300)}`);
          const plan = (res.json.data as { planAllocations: { needsConsidered: number; assignedCount: number; unassignedCount: number } }).planAllocations;
          return { elapsed, plan };
        };
        await api.request({ cmd: 'storeCalls' });
        const cold = await runOnce();
        const coldSlowestCalls = slowest((await api.request<StoreCallTally>({ cmd: 'storeCalls' })).maxMs);
        log(`    cold (network view rebuilt): ${ms(cold.elapsed)} for ${fmt(cold.plan.needsConsidered)} needs`);
        const warm: number[] = [];
        for (let i = 0; i < args.serviceRuns; i++) {
          warm.push((await runOnce()).elapsed);
          log(`    run ${i + 1}/${args.serviceRuns}: ${ms(warm.at(-1) as number)}`);
        }
        // A colleague registers a family between two plans: the village counters move, which no matching rule reads,
        // so the need profiles are kept (the new family's need may add one).
        const afterWrite: number[] = [];
        for (let i = 0; i < args.serviceRuns; i++) {
          await api.request({ cmd: 'registerHousehold', key: `${adapter}-${size}-${i}-${Date.now()}` });
          afterWrite.push((await runOnce()).elapsed);
          log(`    after a household write ${i + 1}/${args.serviceRuns}: ${ms(afterWrite.at(-1) as number)}`);
        }
        // A referral sent between two plans: a service's active referrals and track record move, so the profiles of its
        // categories run the rules again (the projection and its trust distances are kept): the costly case of a busy network.
        const afterReferral: number[] = [];
        for (let i = 0; i < args.serviceRuns; i++) {
          await api.request({ cmd: 'sendReferral', key: `${adapter}-${size}-${i}-${Date.now()}` });
          afterReferral.push((await runOnce()).elapsed);
          log(`    after a referral ${i + 1}/${args.serviceRuns}: ${ms(afterReferral.at(-1) as number)}`);
        }
        const entry: PlanFigures = {
          adapter,
          afterWriteMs: afterWrite,
          afterReferralMs: afterReferral,
          households: size,
          openNeeds: topUp.before + topUp.added,
          addedNeeds: topUp.added,
          topUpMs: topUp.ms,
          coldMs: cold.elapsed,
          coldSlowestCalls,
          warmMs: warm,
          needsConsidered: cold.plan.needsConsidered,
          assigned: cold.plan.assignedCount,
          unassigned: cold.plan.unassignedCount,
        };
        results.plan.push(entry);
      });
    }

    const peak = await api.memory();
    results.rss.push({ adapter, households: size, ready, peak });
    log(`  API RSS: ${mib(ready.vmRSSKiB ?? ready.maxRssKiB)} ready, peak ${mib(peak.vmHWMKiB ?? peak.maxRssKiB)}`);

    if (atMatchSize && wanted('overhead')) {
      await step(results, `${adapter} API overhead vs bare graphql-js`, async () => {
        const { port, cachedPort } = await api.request<{ port: number; cachedPort: number }>({ cmd: 'startBare' });
        const bareUrl = `http://127.0.0.1:${port}/graphql`;
        const cachedUrl = `http://127.0.0.1:${cachedPort}/graphql`;
        for (const [name, query] of [['matchNeed', MATCH_QUERY], ['node', NODE_QUERY]] as const) {
          const bodies = sample.map(body(query));
          const check = await postJson(bareUrl, {}, bodies[0] as string);
          if (check.json.errors) throw new Error(`the bare server failed ${name}: ${JSON.stringify(check.json.errors).slice(0, 300)}`);
          const storeCalls = {
            huzhu: await storeCallsPerRequest(api, api.url, headers, bodies),
            bare: await storeCallsPerRequest(api, bareUrl, {}, bodies),
          };
          log(`  ${name}: Huzhu endpoint, bare graphql-js, bare with a document cache; 10 connections each`);
          const huzhu = await loadSeries({ url: api.url, headers, bodies }, series(10));
          const bare = await loadSeries({ url: bareUrl, headers: {}, bodies }, series(10));
          const bareCached = await loadSeries({ url: cachedUrl, headers: {}, bodies }, series(10));
          log(`    ${Math.round(huzhu.rps)} vs ${Math.round(bare.rps)} / ${Math.round(bareCached.rps)} req/s`);
          results.overhead.push({ adapter, query: name, huzhu, bare, bareCached, storeCalls });
        }
      });
    }

    if (atMatchSize && wanted('peer') && adapter === 'neo4j') {
      await step(results, 'peer: @neo4j/graphql on the same Neo4j', async () => {
        const { port } = await api.request<{ port: number }>({ cmd: 'startPeer' });
        const peerUrl = `http://127.0.0.1:${port}/graphql`;
        const peerBodies = sample.map((n) => JSON.stringify({ query: PEER_MATCH_QUERY, variables: { needId: n.id, category: n.category } }));
        let services = 0;
        for (const b of peerBodies.slice(0, 20)) {
          const check = await postJson(peerUrl, {}, b);
          if (check.json.errors) throw new Error(`@neo4j/graphql failed the peer query: ${JSON.stringify(check.json.errors).slice(0, 300)}`);
          services += (check.json.data as { services: unknown[] }).services.length;
        }
        log(`  matchNeed on Huzhu, then the peer query on @neo4j/graphql, 10 connections each`);
        const huzhu = await loadSeries(matchTarget, series(10));
        const peer = await loadSeries({ url: peerUrl, headers: {}, bodies: peerBodies }, series(10));
        log(`    ${Math.round(huzhu.rps)} vs ${Math.round(peer.rps)} req/s`);
        results.peer = { huzhu, peer, servicesReturned: services / Math.min(20, peerBodies.length) };
      });
    }
  } finally {
    await api.stop();
  }
}

/** Store port calls per request, by method, averaged over up to 10 sequential requests. */
async function storeCallsPerRequest(api: ApiProcess, url: string, headers: Record<string, string>, bodies: readonly string[]): Promise<Record<string, number>> {
  const n = Math.min(10, bodies.length);
  await api.request({ cmd: 'storeCalls' });
  for (const b of bodies.slice(0, n)) await postJson(url, headers, b);
  const tally = await api.request<StoreCallTally>({ cmd: 'storeCalls' });
  return Object.fromEntries(Object.entries(tally.calls).map(([k, v]) => [k, Math.round((v / n) * 10) / 10]));
}

/** The first call after a write (the network view is rebuilt), then `runs` calls on the cached view. */
async function coldAndWarm(
  api: ApiProcess,
  headers: Record<string, string>,
  query: string,
  runs: number,
): Promise<{ coldMs: number; warmMs: number[]; coldSlowestCalls: Record<string, number> }> {
  const once = async () => {
    const t0 = performance.now();
    const res = await postJson(api.url, headers, JSON.stringify({ query }));
    const elapsed = performance.now() - t0;
    if (res.json.errors || res.status !== 200) throw new Error(`${query.split('{')[0]?.trim()} failed after ${ms(elapsed)}: ${JSON.stringify(res.json.errors ?? res.status).slice(0, 300)}`);
    return elapsed;
  };
  await api.request({ cmd: 'bumpVersion' });
  await api.request({ cmd: 'storeCalls' });
  const coldMs = await once();
  const coldSlowestCalls = slowest((await api.request<StoreCallTally>({ cmd: 'storeCalls' })).maxMs);
  const warmMs: number[] = [];
  for (let i = 0; i < runs; i++) warmMs.push(await once());
  return { coldMs, warmMs, coldSlowestCalls };
}

/** The three slowest single store calls, ms. */
function slowest(maxMs: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(maxMs)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, v]) => [k, Math.round(v)]),
  );
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
function ms(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(2)} ms`;
}
function mib(kib: number): string {
  return `${Math.round(kib / 1024)} MiB`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
