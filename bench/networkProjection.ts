/**
 * The network view's projection rebuild, before and after issue 13 item 1,
 * side by side in one run over one already-seeded store (not part of
 * `npm run bench`; it reads only, and never empties the database):
 *
 * - before: the six paged list reads the rebuild made until now (listAll per
 *   kind, in parallel, each page counted as `list` did by default);
 * - before, uncounted: the same six reads with `count: false` (what paging alone costs);
 * - after: GraphStore.networkProjection, one read transaction.
 *
 * Each is followed by buildStakeholderGraph, as services/networkSnapshot.ts
 * does; the variants are interleaved round by round so the machine's load
 * falls on all of them alike. The projections are compared once (they must be equal).
 *
 *   NEO4J_URI=bolt://127.0.0.1:7713 npx tsx bench/networkProjection.ts --rounds 15
 *   npx tsx bench/networkProjection.ts --memory-households 100000   # the memory store, seeded in-process
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { buildStakeholderGraph } from '../src/graph';
import type { EntityKind } from '../src/domain/ids';
import type { EntityMap } from '../src/domain/model';
import { seedStore } from '../src/seed/seedStore';
import { MAX_BULK_PAGE, type GraphStore, type NetworkProjection, type Page } from '../src/store/GraphStore';
import { MemoryStore } from '../src/store/memory/MemoryStore';
import { Neo4jStore } from '../src/store/neo4j/Neo4jStore';

type Variant = 'before' | 'beforeUncounted' | 'after';

async function listEvery<K extends EntityKind>(store: GraphStore, kind: K, count: boolean): Promise<Array<EntityMap[K]>> {
  const all: Array<EntityMap[K]> = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<EntityMap[K]> = await store.list(kind, {}, { first: MAX_BULK_PAGE, after, ...(count ? {} : { count: false }) });
    all.push(...page.items);
    if (!page.hasNextPage) return all;
    after = page.endCursor;
  }
}

async function sixReads(store: GraphStore, count: boolean): Promise<NetworkProjection> {
  const version = await store.version();
  const [townships, villages, people, organizations, services, relationships] = await Promise.all([
    listEvery(store, 'Township', count),
    listEvery(store, 'Village', count),
    listEvery(store, 'Person', count),
    listEvery(store, 'Organization', count),
    listEvery(store, 'Service', count),
    listEvery(store, 'Relationship', count),
  ]);
  return { version, townships, villages, people, organizations, services, relationships };
}

const READS: Record<Variant, (store: GraphStore) => Promise<NetworkProjection>> = {
  before: (store) => sixReads(store, true),
  beforeUncounted: (store) => sixReads(store, false),
  after: (store) => store.networkProjection(),
};

async function rebuild(store: GraphStore, variant: Variant): Promise<{ readMs: number; totalMs: number; projection: NetworkProjection }> {
  const started = performance.now();
  const { version: _version, ...snapshot } = await READS[variant](store);
  const read = performance.now();
  buildStakeholderGraph({ ...snapshot, householdsByVillage: new Map() });
  return { readMs: read - started, totalMs: performance.now() - started, projection: { version: _version, ...snapshot } };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string' }, 'memory-households': { type: 'string' } } });
  const rounds = Number(values.rounds ?? 15);
  const uri = process.env['NEO4J_URI'];
  let store: GraphStore;
  if (values['memory-households'] !== undefined) {
    store = new MemoryStore({ dataDir: null });
    await store.init();
    await seedStore(store, { households: Number(values['memory-households']), seed: 20261127 });
  } else if (uri) {
    store = new Neo4jStore({ uri, user: process.env['NEO4J_USER'] ?? 'neo4j', ...(process.env['NEO4J_PASSWORD'] ? { password: process.env['NEO4J_PASSWORD'] } : {}), database: 'neo4j', timeoutMs: 60_000 });
    await store.init();
  } else {
    throw new Error('bench/networkProjection: set NEO4J_URI (a seeded database) or pass --memory-households N');
  }
  try {
    const households = (await store.list('Household', {}, { first: 1 })).totalCount;
    const variants: Variant[] = ['before', 'beforeUncounted', 'after'];
    // Warm-up, and the check that all three read the same projection.
    const warm = await Promise.all(variants.map((v) => rebuild(store, v)));
    const [reference, ...others] = warm.map((w) => w.projection);
    for (const [i, other] of others.entries()) {
      if (!isDeepStrictEqual(other, reference)) throw new Error(`bench/networkProjection: ${variants[i + 1] as string} read a different projection than before`);
    }
    const times: Record<Variant, { read: number[]; total: number[] }> = { before: { read: [], total: [] }, beforeUncounted: { read: [], total: [] }, after: { read: [], total: [] } };
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        const t = await rebuild(store, v);
        times[v].read.push(t.readMs);
        times[v].total.push(t.totalMs);
      }
    }
    const p = reference as NetworkProjection;
    console.log(
      `store ${store.kind}, ${households.toLocaleString('en-US')} households; projection: ${p.townships.length} townships, ${p.villages.length} villages, ` +
        `${p.people.length} people, ${p.organizations.length} organisations, ${p.services.length} services, ${p.relationships.length} relationships; ${rounds} rounds, interleaved`,
    );
    console.log('variant            read p50   read p90   rebuild p50   rebuild p90  (ms)');
    for (const v of variants) {
      const read = [...times[v].read].sort((a, b) => a - b);
      const total = [...times[v].total].sort((a, b) => a - b);
      const f = (n: number) => n.toFixed(1).padStart(9);
      console.log(`${v.padEnd(17)} ${f(quantile(read, 0.5))}  ${f(quantile(read, 0.9))}  ${f(quantile(total, 0.5))}     ${f(quantile(total, 0.9))}`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench/networkProjection: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
