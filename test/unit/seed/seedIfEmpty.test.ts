import type { EntityKind } from '../../../src/domain/ids';
import { seedIfEmpty } from '../../../src/seed/seedIfEmpty';
import { seedStore } from '../../../src/seed/seedStore';
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

  it('seedIfEmpty leaves a store that already holds places alone', async () => {
    await seedStore(store, { ...options, households: 10 });
    const lines: string[] = [];
    expect(await seedIfEmpty(store, { ...options, log: (l) => lines.push(l) })).toBeNull();
    expect((await store.list('Household', {}, { first: 1 })).totalCount).toBe(10);
    expect(lines.join('\n')).toMatch(/not seeding/);
  });
});
