/**
 * GraphStore.networkProjection in the contract (issue 13 item 1), run against
 * every adapter: the whole stakeholder projection in one store call equals the
 * six paged list reads it replaces (services/listAll: every record, the same
 * properties, each kind by id), also for records upserted before the records
 * they reference (Neo4j draws no edge for those), and it is read at one
 * network version, even while stakeholder writes land beside it.
 */
import type { GraphStore, NetworkProjection } from '../../src/store/GraphStore';
import { seedStore } from '../../src/seed/seedStore';
import { listAll } from '../../src/services/listAll';
import { aHousehold, aPerson, aRelationship, aService, aTownship, aVillage, anOrganization } from '../support/builders';

export interface NetworkProjectionContractFactory {
  create(): Promise<GraphStore>;
  reset(store: GraphStore): Promise<void>;
  destroy(store: GraphStore): Promise<void>;
}

/** What networkProjection replaced: six listAll reads, and the version read beside them. */
async function sixListReads(store: GraphStore): Promise<NetworkProjection> {
  return {
    version: await store.version(),
    townships: await listAll(store, 'Township'),
    villages: await listAll(store, 'Village'),
    people: await listAll(store, 'Person'),
    organizations: await listAll(store, 'Organization'),
    services: await listAll(store, 'Service'),
    relationships: await listAll(store, 'Relationship'),
  };
}

export function describeNetworkProjectionContract(name: string, factory: NetworkProjectionContractFactory): void {
  describe(`networkProjection: ${name}`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = await factory.create();
    });
    afterAll(async () => {
      await factory.destroy(store);
    });
    beforeEach(async () => {
      await factory.reset(store);
    });

    it('equals the six list reads on a seeded store (synthetic households), kind by kind, at the current version', async () => {
      await seedStore(store, { households: 40, seed: 13 });
      const expected = await sixListReads(store);
      for (const kind of ['townships', 'villages', 'people', 'organizations', 'services', 'relationships'] as const) {
        expect(expected[kind].length).toBeGreaterThan(0); // the seed holds every kind, so equality below means something
      }
      expect(await store.networkProjection()).toEqual(expected);
    });

    it('holds records written before what they reference (no reference edge yet) and nothing but stakeholders', async () => {
      const township = aTownship();
      const village = aVillage({ townshipId: township.id });
      const organization = anOrganization({ townshipId: township.id, villageId: village.id });
      const service = aService({ organizationId: organization.id });
      const person = aPerson({ villageIds: [village.id], townshipIds: [township.id], organizationId: organization.id });
      // Upserted children first: upsertMany draws an edge only when its target is there.
      await store.upsertMany('Person', [person]);
      await store.upsertMany('Service', [service]);
      await store.upsertMany('Organization', [organization]);
      await store.upsertMany('Village', [village]);
      await store.upsertMany('Township', [township]);
      const relationship = aRelationship({ fromId: person.id, toId: organization.id, type: 'KNOWS', status: 'ESTABLISHED' });
      await store.upsertMany('Relationship', [relationship]);
      await store.upsertMany('Household', [aHousehold({ villageId: village.id })]);

      const projection = await store.networkProjection();
      expect(projection).toEqual(await sixListReads(store));
      expect(projection.villages.map((v) => v.id)).toEqual([village.id]);
      expect(projection.services.map((s) => s.id)).toEqual([service.id]);
      expect(projection.people.map((p) => p.id)).toEqual([person.id]);
      expect(projection.relationships).toEqual([expect.objectContaining({ id: relationship.id, fromId: person.id, toId: organization.id, type: 'KNOWS' })]);
    });

    it('moves to a new version with a stakeholder write and keeps its version through a household write', async () => {
      const township = await store.create('Township', aTownship());
      const village = await store.create('Village', aVillage({ townshipId: township.id }));
      const before = await store.networkProjection();
      expect(before.version).toBe(await store.version());

      await store.create('Household', aHousehold({ villageId: village.id }));
      expect((await store.networkProjection()).version).toBe(before.version);

      const organization = await store.create('Organization', anOrganization({ townshipId: township.id }));
      const after = await store.networkProjection();
      expect(after.version).toBeGreaterThan(before.version);
      expect(after.organizations.map((o) => o.id)).toEqual([organization.id]);
    });

    it('is read at one version while stakeholder writes land beside it: each projection holds exactly the writes its version counts', async () => {
      const township = await store.create('Township', aTownship());
      const base = await store.networkProjection();
      const writes = 24;
      const written: Array<Promise<unknown>> = [];
      const reads: Array<Promise<NetworkProjection>> = [];
      for (let i = 0; i < writes; i += 1) {
        written.push(store.create('Organization', anOrganization({ townshipId: township.id })));
        if (i % 3 === 0) reads.push(store.networkProjection());
      }
      await Promise.all(written);
      reads.push(store.networkProjection());
      const projections = await Promise.all(reads);
      // Every create bumps the version once (and nothing else writes): a projection whose records and version
      // came from different moments would hold more or fewer organisations than its version says.
      for (const p of projections) expect(p.organizations.length - base.organizations.length).toBe(p.version - base.version);
      expect(projections.at(-1)?.organizations.length).toBe(writes);
    });
  });
}
