/**
 * planAllocations (and matchNeed) in process on a seeded memory store, without HTTP: the figures the
 * bench's plan section reads over the API, minus the API, for a CPU profile
 * (`node --cpu-prof --import tsx bench/planProfile.ts`). Not part of `npm run bench`.
 *
 *   npx tsx bench/planProfile.ts [--neo4j-uri bolt://… [--wipe]] [--households 100000] [--needs 100000] [--runs 5] [--match 2000] [--profile-warm]
 *
 * --profile-warm writes a CPU profile of the runs after the first (/tmp/planProfile-warm-<pid>.cpuprofile).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadSyntheticWorld } from '../src/seed/syntheticWorld';
import { MemoryStore } from '../src/store/memory/MemoryStore';
import { Neo4jStore } from '../src/store/neo4j/Neo4jStore';
import type { GraphStore } from '../src/store/GraphStore';
import { planAllocations } from '../src/services/planAllocations';
import { matchNeed } from '../src/services/matching';
import { listAll } from '../src/services/listAll';
import { MAX_BULK_PAGE } from '../src/store/GraphStore';
import { timedSeed } from './bulkLoad';
import { topUpOpenNeeds } from './extraOpenNeeds';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const households = flag('households', 100_000);
  const target = flag('needs', 100_000);
  const runs = flag('runs', 5);
  const matches = flag('match', 0);
  const uriAt = process.argv.indexOf('--neo4j-uri');
  const uri = uriAt >= 0 ? process.argv[uriAt + 1] : undefined;
  // --neo4j-uri: a Neo4j this run may empty (it is wiped and loaded), with a long call budget for a busy machine.
  const neo = uri ? new Neo4jStore({ uri, user: 'neo4j', database: 'neo4j', timeoutMs: 900_000 }) : null;
  const store: GraphStore = neo ?? new MemoryStore({ dataDir: null });
  await store.init();
  if (neo && process.argv.includes('--wipe')) await neo.deleteAllForTests();
  const t0 = performance.now();
  if (!neo || process.argv.includes('--wipe')) await timedSeed(store, { households, seed: 1, world: loadSyntheticWorld(), log: (line) => neo && console.log(line) });
  console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await topUpOpenNeeds(store, target, 1);
  const ctx = { store, now: () => new Date('2026-12-01T00:00:00Z') };
  const times: number[] = [];
  const cpu: number[] = [];
  let summary = '';
  const profileOut = process.argv.includes('--profile-warm') ? `/tmp/planProfile-warm-${process.pid}.cpuprofile` : null;
  const session = profileOut ? new Session() : null;
  for (let i = 0; i < runs; i++) {
    if (i === 1 && session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const plan = await planAllocations(ctx, { commit: false, show: 20 }, 'bench-admin', i === 0 ? (line) => console.log(line) : undefined);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    summary = `${plan.needsConsidered} needs, ${plan.assignments.length} assigned, ${plan.unassigned.length} unassigned`;
  }
  if (session && profileOut) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileOut, JSON.stringify(profile));
    console.log(`warm runs' CPU profile: ${profileOut}`);
  }
  console.log(`planAllocations: ${summary}; ms per run: ${times.map((t) => t.toFixed(0)).join(', ')}; CPU ms per run (this process, GC included): ${cpu.map((t) => t.toFixed(0)).join(', ')}`);
  // The reads alone (what planAllocations reads before any rule runs), to set beside the whole.
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const needs = await listAll(store, 'Need', { status: 'OPEN' });
    const t1 = performance.now();
    const ids = [...new Set(needs.map((n) => n.householdId))];
    for (let j = 0; j < ids.length; j += MAX_BULK_PAGE) await store.getMany('Household', ids.slice(j, j + MAX_BULK_PAGE));
    console.log(`reads: ${needs.length} open needs ${(t1 - t0).toFixed(0)} ms, ${ids.length} households ${(performance.now() - t1).toFixed(0)} ms; CPU ${((process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000).toFixed(0)} ms`);
  }
  if (matches > 0 && !neo) {
    const ids = (await store.list('Need', { status: 'OPEN' }, { first: matches })).items.map((n) => n.id);
    const ms: number[] = [];
    for (const id of ids) {
      const t0 = performance.now();
      await matchNeed({ ...ctx }, id, { limit: 5 });
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    console.log(`matchNeed (service, in process): p50 ${ms[Math.floor(ms.length / 2)]?.toFixed(3)} ms, p99 ${ms[Math.floor(ms.length * 0.99)]?.toFixed(3)} ms over ${ms.length}`);
  }
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
