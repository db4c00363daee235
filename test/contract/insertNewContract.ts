/**
 * GraphStore.insertNew (first loads of known-new rows, issue 13 item 5) on every adapter: it leaves exactly
 * what upsertMany leaves on an empty store (records, reference edges as the reads see them, the village and
 * service counters), and it refuses a row that is not new with a CONFLICT naming kind and id, writing
 * nothing of that batch. All records are synthetic.
 */
import type { GraphStore } from '../../src/store/GraphStore';
import { seedStore, type SeedTarget } from '../../src/seed/seedStore';
import { loadSyntheticWorld } from '../../src/seed/syntheticWorld';
import { aHousehold, aTownship, aVillage } from '../support/builders';
import { dumpSeededStore } from '../support/storeDump';
import type { GraphStoreFactory } from './graphStoreContract';

const world = loadSyntheticWorld();

export function describeInsertNewContract(adapterName: string, factory: GraphStoreFactory): void {
  describe(`GraphStore insertNew contract (${adapterName})`, () => {
    let store: GraphStore;
    const township = aTownship();
    const village = aVillage({ townshipId: township.id });
    const count = async () => (await store.list('Household', {}, { first: 1 })).totalCount;

    beforeAll(async () => {
      store = await factory.create();
    });
    afterAll(async () => factory.destroy(store));
    beforeEach(async () => factory.reset(store));

    it('a first-load seed (insertNew) leaves what a seed through upsertMany leaves: records, edges as read, counters', async () => {
      const seed = { households: 300, seed: 11, world };
      const lines: string[] = [];
      // Only upsertMany: the seed cannot take the first-load path.
      const upsertOnly: SeedTarget = {
        upsertMany: (kind, rows) => store.upsertMany(kind, rows),
        upsertCategories: (rows) => store.upsertCategories(rows),
        putSeedRun: (run) => store.putSeedRun(run),
      };
      await seedStore(upsertOnly, seed);
      const viaUpsert = await dumpSeededStore(store);
      await factory.reset(store);
      await seedStore(store, { ...seed, log: (line) => lines.push(line) });
      expect(lines.some((line) => line.includes('first load with insertNew'))).toBe(true);
      const viaInsert = await dumpSeededStore(store);
      expect((viaInsert['records'] as Record<string, unknown[]>)['Household']).toHaveLength(300);
      expect(viaInsert).toEqual(viaUpsert);
    }, 120_000);

    it('a seed into a store that is not empty keeps upsertMany (a reseed writes over, changes no count)', async () => {
      const seed = { households: 40, seed: 12, world };
      await seedStore(store, seed);
      const first = await dumpSeededStore(store);
      const lines: string[] = [];
      await seedStore(store, { ...seed, log: (line) => lines.push(line) });
      expect(lines.some((line) => line.includes('first load'))).toBe(false);
      expect(await dumpSeededStore(store)).toEqual(first);
    }, 60_000);

    it('adds new households to the village counters as upsertMany does', async () => {
      await store.insertNew('Township', [township]);
      await store.insertNew('Village', [village]);
      const rows = [aHousehold({ villageId: village.id, markers: ['DIBAO'] }), aHousehold({ villageId: village.id })];
      expect(await store.insertNew('Household', rows)).toEqual({ written: 2 });
      expect(await store.getMany('Household', rows.map((r) => r.id))).toEqual(rows);
      const stats = (await store.householdStatsByVillage()).find((s) => s.villageId === village.id);
      expect(stats).toMatchObject({ households: 2 });
      const counted = (await store.networkCounters()).villages.find((v) => v.villageId === village.id);
      expect(counted).toEqual({ villageId: village.id, households: 2, vulnerable: rows.filter((r) => r.vulnerabilityScore > 0).length });
    });

    it('refuses a row whose id is stored: CONFLICT naming kind and id at its index, nothing of the batch written', async () => {
      await store.upsertMany('Township', [township]);
      await store.upsertMany('Village', [village]);
      const stored = aHousehold({ villageId: village.id });
      await store.upsertMany('Household', [stored]);
      const fresh = aHousehold({ villageId: village.id });
      const attempt = store.insertNew('Household', [fresh, { ...stored, householdCode: null }]);
      await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', path: [1, 'id'], details: { kind: 'Household', existingId: stored.id } });
      await expect(store.insertNew('Household', [fresh, stored])).rejects.toThrow(new RegExp(`Household "${stored.id}"`));
      expect(await count()).toBe(1);
      expect(await store.getMany('Household', [fresh.id, stored.id])).toEqual([null, stored]);
      const counted = (await store.networkCounters()).villages.find((v) => v.villageId === village.id);
      expect(counted?.households).toBe(1);
    });

    it('refuses two rows with one id, and (unless validated) a row that fails its schema, writing nothing', async () => {
      await store.insertNew('Township', [township]);
      await store.insertNew('Village', [village]);
      const a = aHousehold({ villageId: village.id });
      await expect(store.insertNew('Household', [a, { ...a }])).rejects.toMatchObject({ code: 'CONFLICT', path: [1, 'id'], details: { kind: 'Household', existingId: a.id } });
      const bad = { ...aHousehold({ villageId: village.id }), vulnerabilityScore: -1 };
      await expect(store.insertNew('Household', [a, bad])).rejects.toMatchObject({ code: 'BAD_USER_INPUT', path: [1, 'vulnerabilityScore'] });
      expect(await count()).toBe(0);
    });

    it('refuses a relationship whose end does not exist (NOT_FOUND), as upsertMany does', async () => {
      const seedRows = world.stakeholders.relationships.slice(0, 1);
      await expect(store.insertNew('Relationship', seedRows)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await store.list('Relationship', {}, { first: 1 })).totalCount).toBe(0);
    });
  });
}
