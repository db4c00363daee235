import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityKind } from '../../../src/domain/ids';
import { seedIfEmpty } from '../../../src/seed/seedIfEmpty';
import { seedStore, type SeedTarget } from '../../../src/seed/seedStore';
import { loadSyntheticWorld } from '../../../src/seed/syntheticWorld';
import { MemoryStore } from '../../../src/store/memory/MemoryStore';

const world = loadSyntheticWorld();
const options = { households: 500, seed: 7, world };

async function openStore(): Promise<MemoryStore> {
  const store = new MemoryStore({ dataDir: null });
  await store.init();
  return store;
}

async function countAll(store: MemoryStore): Promise<Record<string, number>> {
  const kinds: EntityKind[] = ['Township', 'Village', 'Organization', 'Service', 'Person', 'Relationship', 'Household', 'Need'];
  const counts: Record<string, number> = {};
  for (const kind of kinds) counts[kind] = (await store.list(kind, {}, { first: 1 })).totalCount;
  return counts;
}

describe('seeding the memory store', () => {
  let store: MemoryStore;
  beforeEach(async () => {
    store = await openStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('holds exactly the rows seedStore reports', async () => {
    const { categories, ...written } = await seedStore(store, options);
    expect(await countAll(store)).toEqual(written);
    expect(await store.listCategories()).toHaveLength(categories);
  });

  it('changes no count when seeded twice', async () => {
    await seedStore(store, options);
    const once = await countAll(store);
    await seedStore(store, options);
    expect(await countAll(store)).toEqual(once);
  });

  it('seedIfEmpty seeds an empty store', async () => {
    const counts = await seedIfEmpty(store, options);
    expect(counts?.Household).toBe(500);
    expect((await store.list('Household', {}, { first: 1 })).totalCount).toBe(500);
  });

  it('seedIfEmpty leaves a store with places but no seed record alone, and says why', async () => {
    await store.upsertMany('Township', world.places.townships);
    const lines: string[] = [];
    expect(await seedIfEmpty(store, { ...options, log: (l) => lines.push(l) })).toBeNull();
    expect(await store.getSeedRun()).toBeNull();
    expect((await store.list('Household', {}, { first: 1 })).totalCount).toBe(0);
    expect(lines.join('\n')).toMatch(/no seed record.*not seeding/);
  });

  it('seedIfEmpty leaves a store that already holds places alone', async () => {
    await seedStore(store, { ...options, households: 10 });
    const lines: string[] = [];
    expect(await seedIfEmpty(store, { ...options, log: (l) => lines.push(l) })).toBeNull();
    expect((await store.list('Household', {}, { first: 1 })).totalCount).toBe(10);
    expect(lines.join('\n')).toMatch(/not seeding/);
  });
});

describe('a seed killed part-way, then a restart (memory store on disk)', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'huzhu-seed-resume-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The first start: seeding stops at the `failAt`-th bulk write (as a kill -9 would), and the process goes away. */
  async function firstStartKilledAt(failAt: number): Promise<void> {
    const store = new MemoryStore({ dataDir });
    await store.init();
    let upserts = 0;
    const dying: SeedTarget = {
      upsertMany: (kind, rows) => (++upserts === failAt ? Promise.reject(new Error('synthetic: kill -9')) : store.upsertMany(kind, rows)),
      upsertCategories: (rows) => store.upsertCategories(rows),
      putSeedRun: (run) => store.putSeedRun(run),
    };
    await expect(seedStore(dying, { ...options, batchSize: 100 })).rejects.toThrow('kill -9');
    await store.close();
  }

  it('restarts with the seed marked incomplete, resumes it and completes it', async () => {
    await firstStartKilledAt(8);

    const restarted = new MemoryStore({ dataDir });
    await restarted.init();
    try {
      expect(await restarted.getSeedRun()).toMatchObject({ status: 'IN_PROGRESS', households: 500, seed: 7, batchSize: 100 });
      const partial = await countAll(restarted);
      expect(partial['Township']).toBe(11);
      expect(partial['Household']).toBeLessThan(500);

      const lines: string[] = [];
      // The current config asks for something else: the seed resumes with its own options.
      const counts = await seedIfEmpty(restarted, { households: 60_000, seed: 1, world, log: (l) => lines.push(l) });
      expect(lines.join('\n')).toMatch(/INCOMPLETE.*resuming/);
      const { categories, ...written } = counts!;
      expect(await countAll(restarted)).toEqual(written);
      expect(await restarted.listCategories()).toHaveLength(categories);
      expect(written.Household).toBe(500);
      expect(await restarted.getSeedRun()).toMatchObject({ status: 'COMPLETE', completedAt: expect.any(String) });
    } finally {
      await restarted.close();
    }

    // And after the next restart it is complete, and left alone.
    const again = new MemoryStore({ dataDir });
    await again.init();
    try {
      const lines: string[] = [];
      expect(await seedIfEmpty(again, { ...options, log: (l) => lines.push(l) })).toBeNull();
      expect(lines.join('\n')).toMatch(/already seeded/);
    } finally {
      await again.close();
    }
  });

  it('ends with the same rows as a seed that never stopped', async () => {
    await firstStartKilledAt(3);
    const restarted = new MemoryStore({ dataDir });
    await restarted.init();
    const clean = new MemoryStore({ dataDir: null });
    try {
      await seedIfEmpty(restarted, options);
      await seedStore(clean, { ...options, batchSize: 100 });
      for (const kind of ['Township', 'Household', 'Need', 'Person'] as const) {
        const [a, b] = await Promise.all([restarted.list(kind, {}, { first: 10_000 }), clean.list(kind, {}, { first: 10_000 })]);
        expect(a.items).toEqual(b.items);
        expect(a.items.length).toBeGreaterThan(0);
      }
    } finally {
      await restarted.close();
      await clean.close();
    }
  });
});
