/**
 * GraphStore.createMany (the household import's one transaction, issue 14
 * item 2) on every adapter: all of the entities or none, with create's
 * reference and unique-key checks per entity and across them, failures
 * located by the entity's index. All records are synthetic.
 */
import type { GraphStore } from '../../src/store/GraphStore';
import { aHousehold, aTownship, aVillage } from '../support/builders';
import type { GraphStoreFactory } from './graphStoreContract';

export function describeCreateManyContract(adapterName: string, factory: GraphStoreFactory): void {
  describe(`GraphStore createMany contract (${adapterName})`, () => {
    let store: GraphStore;
    const township = aTownship();
    const village = aVillage({ townshipId: township.id });
    const count = async () => (await store.list('Household', {}, { first: 1 })).totalCount;

    beforeAll(async () => {
      store = await factory.create();
    });
    afterAll(async () => factory.destroy(store));
    beforeEach(async () => {
      await factory.reset(store);
      await store.upsertMany('Township', [township]);
      await store.upsertMany('Village', [village]);
    });

    it('writes every entity in one step and counts them per village', async () => {
      const rows = [aHousehold({ villageId: village.id, householdCode: 'SYN-CM-1' }), aHousehold({ villageId: village.id, markers: ['DIBAO'] })];
      expect(await store.createMany('Household', rows)).toEqual({ written: 2 });
      expect(await store.getMany('Household', rows.map((r) => r.id))).toEqual(rows);
      expect(await store.findHouseholdByCode('SYN-CM-1')).toEqual(rows[0]);
      const stats = (await store.householdStatsByVillage()).find((s) => s.villageId === village.id);
      expect(stats).toMatchObject({ households: 2, vulnerable: 1 });
    });

    it('writes nothing when one entity names a village that does not exist (NOT_FOUND at its index)', async () => {
      const rows = [aHousehold({ villageId: village.id }), aHousehold({ villageId: 'vil_98000000missing' })];
      await expect(store.createMany('Household', rows)).rejects.toMatchObject({ code: 'NOT_FOUND', path: [1, 'villageId'] });
      expect(await count()).toBe(0);
    });

    it('writes nothing when one entity takes a household code already registered (CONFLICT at its index)', async () => {
      const registered = aHousehold({ villageId: village.id, householdCode: 'SYN-CM-TAKEN' });
      await store.create('Household', registered);
      const rows = [aHousehold({ villageId: village.id }), aHousehold({ villageId: village.id, householdCode: 'SYN-CM-TAKEN' })];
      await expect(store.createMany('Household', rows)).rejects.toMatchObject({ code: 'CONFLICT', path: [1, 'householdCode'], details: { existingId: registered.id } });
      expect(await count()).toBe(1);
    });

    it('writes nothing when two entities share a household code or an id', async () => {
      const a = aHousehold({ villageId: village.id, householdCode: 'SYN-CM-TWICE' });
      await expect(store.createMany('Household', [a, aHousehold({ villageId: village.id, householdCode: 'SYN-CM-TWICE' })])).rejects.toMatchObject({
        code: 'CONFLICT',
        path: [1, 'householdCode'],
      });
      await expect(store.createMany('Household', [a, { ...a, householdCode: null }])).rejects.toMatchObject({ code: 'CONFLICT', path: [1, 'id'] });
      expect(await count()).toBe(0);
    });

    it('refuses an entity that breaks the entity schema, at its index, writing nothing', async () => {
      const rows = [aHousehold({ villageId: village.id }), { ...aHousehold({ villageId: village.id }), size: 0 }];
      await expect(store.createMany('Household', rows)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', path: [1, 'size'] });
      expect(await count()).toBe(0);
    });

    it('accepts an empty list', async () => {
      expect(await store.createMany('Household', [])).toEqual({ written: 0 });
    });
  });
}
