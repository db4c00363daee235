/**
 * The GraphStore contract: what every adapter must do, written against the
 * port only (src/store/GraphStore.ts), so one suite runs against the memory
 * adapter and against Neo4j. A test here failing for one adapter and passing
 * for the other is a bug in that adapter (or in this spec: fix it here, for
 * both).
 *
 * Each test starts from a reset store holding smallNetwork() (test/support/
 * builders.ts) and states one rule. Expected results are computed from the
 * network's records with the filter's meaning, never copied from an output.
 */
import type { EntityKind } from '../../src/domain/ids';
import type { EntityMap, Household, Referral, ReferralTransition } from '../../src/domain/model';
import { HuzhuError, type ErrorCode } from '../../src/errors/HuzhuError';
import { seedIfEmpty } from '../../src/seed/seedIfEmpty';
import { seedStore, type SeedTarget } from '../../src/seed/seedStore';
import { loadSyntheticWorld, type SyntheticWorld } from '../../src/seed/syntheticWorld';
import type { SeedRun } from '../../src/store/SeedRun';
import { MAX_PAGE_SIZE, NOT_COUNTED, type FilterMap, type GraphStore, type Page } from '../../src/store/GraphStore';
import { EMPTY_TRACK_RECORD, addTrackRecords, referralTrackRecord, type ServiceTrackRecord } from '../../src/domain/referralTrackRecord';
import {
  aCategory,
  aConsent,
  aHousehold,
  aNeed,
  aPerson,
  aReferralFor,
  aRelationship,
  aService,
  aTownship,
  aVillage,
  anAssistance,
  anAuditEvent,
  anOrganization,
  smallNetwork,
  storeNetwork,
  type SmallNetwork,
} from '../support/builders';
import { describeAccountsContract } from './accountsContract';
import { describeDevelopmentOfficerContract } from './developmentOfficerContract';
import { describeServiceUpkeepContract } from './serviceUpkeepContract';

export interface GraphStoreFactory {
  /** A ready store (init() done). */
  create(): Promise<GraphStore>;
  /** Empty the store: no records, no categories. Runs before every test. */
  reset(store: GraphStore): Promise<void>;
  destroy(store: GraphStore): Promise<void>;
}

export function describeGraphStoreContract(adapterName: string, factory: GraphStoreFactory): void {
  describe(`GraphStore contract (${adapterName})`, () => {
    let store: GraphStore;
    let net: SmallNetwork;

    beforeAll(async () => {
      store = await factory.create();
    });
    afterAll(async () => {
      await factory.destroy(store);
    });
    beforeEach(async () => {
      await factory.reset(store);
      net = smallNetwork();
      await storeNetwork(store, net);
    });

    // -- helpers (closures over the current store) ------------------------------

    /** Every id the filter selects, read page by page; fails on a repeated id or a wrong page. */
    async function listIds<K extends EntityKind>(kind: K, filter: FilterMap[K], pageSize = MAX_PAGE_SIZE): Promise<string[]> {
      const ids: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10_000; pages += 1) {
        const page: Page<EntityMap[K]> = await store.list(kind, filter, { first: pageSize, after });
        ids.push(...page.items.map((item) => item.id));
        if (!page.hasNextPage) {
          expect(new Set(ids).size).toBe(ids.length);
          expect(page.totalCount).toBe(ids.length);
          return ids;
        }
        expect(page.items).toHaveLength(pageSize);
        after = page.endCursor;
      }
      throw new Error('contract/listIds: more than 10,000 pages; is hasNextPage ever false?');
    }

    async function one<K extends EntityKind>(kind: K, id: string): Promise<EntityMap[K] | null> {
      const [found] = await store.getMany(kind, [id]);
      return found ?? null;
    }

    async function service(id: string): Promise<EntityMap['Service']> {
      const found = await one('Service', id);
      if (found === null) throw new Error(`contract: service ${id} vanished`);
      return found;
    }

    /** Referrals sent from the network's first need to `serviceId`. */
    function referralTo(serviceId: string, overrides: Partial<Referral> = {}): Referral {
      const target = net.services.find((s) => s.id === serviceId) ?? aService({ id: serviceId });
      return aReferralFor(net.needs[0], target, overrides);
    }

    function step(status: Referral['status'], overrides: Partial<ReferralTransition> = {}): ReferralTransition {
      return { status, at: '2025-01-02T00:00:00.000Z', actorId: net.people[2].id, reason: null, note: null, ...overrides };
    }

    // -- lifecycle ----------------------------------------------------------------

    describe('lifecycle', () => {
      it('answers ping when up', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('treats a second init() as a no-op that keeps the data', async () => {
        await store.init();
        expect(await one('Township', net.townships[0].id)).toEqual(net.townships[0]);
      });

      it.each([
        ['create', (s: GraphStore) => s.create('Township', aTownship())],
        ['update', (s: GraphStore) => s.update('Township', { ...net.townships[0], name: 'renamed (synthetic)' })],
        ['upsertMany', (s: GraphStore) => s.upsertMany('Township', [aTownship()])],
        ['create Relationship', (s: GraphStore) => s.create('Relationship', aRelationship({ fromId: net.people[0].id, toId: net.services[1].id, type: 'KNOWS' }))],
        ['update Service', (s: GraphStore) => s.update('Service', { ...net.services[0], name: 'renamed (synthetic)' })],
        ['upsertMany Person', (s: GraphStore) => s.upsertMany('Person', [{ ...net.people[0], name: 'renamed (synthetic)' }])],
        ['setServiceCapacity', (s: GraphStore) => s.setServiceCapacity(net.services[0].id, 9)],
      ])('bumps version() (the network version) on %s', async (_name, write) => {
        const before = await store.version();
        await write(store);
        expect(await store.version()).toBeGreaterThan(before);
      });

      it('keeps version() on appendAudit: an audit event changes no data, so caches of what was read stay valid', async () => {
        const before = await store.version();
        await store.appendAudit(anAuditEvent());
        expect(await store.version()).toBe(before);
        await store.create('Township', aTownship());
        expect(await store.version()).toBeGreaterThan(before);
      });

      it('keeps version() on every write outside the stakeholder projection (issue 13 item 3: no write all writes wait for)', async () => {
        const before = await store.version();
        const household = await store.create('Household', aHousehold({ villageId: net.villages[0].id }));
        await store.update('Household', { ...household, size: household.size + 1 }, { expectedVersion: household.version });
        await store.upsertMany('Household', [aHousehold({ villageId: net.villages[1].id })]);
        const need = await store.create('Need', aNeed({ householdId: household.id }));
        await store.create('Consent', aConsent({ householdId: household.id }));
        await store.upsertCategories([aCategory({ code: 'EMPLOYMENT' })]);
        const { referral } = await store.createReferral(referralTo(net.services[1].id));
        await store.transitionReferral(referral.id, 'SENT', step('ACCEPTED'), null);
        await store.create('Assistance', anAssistance({ needId: need.id, referralId: null }));
        expect(await store.version()).toBe(before);
      });
    });

    // -- getMany --------------------------------------------------------------------

    describe('getMany', () => {
      it('returns records in the order of the ids, with null for an unknown id', async () => {
        const [h1, h2] = net.households;
        const found = await store.getMany('Household', [h2.id, 'hh_doesnotexist', h1.id]);
        expect(found).toEqual([h2, null, h1]);
      });

      it('answers a repeated id at every position', async () => {
        const v = net.villages[0];
        expect(await store.getMany('Village', [v.id, v.id])).toEqual([v, v]);
      });

      it('returns null for an id of another kind', async () => {
        expect(await store.getMany('Household', [net.villages[0].id])).toEqual([null]);
      });

      it('returns an empty list for no ids', async () => {
        expect(await store.getMany('Need', [])).toEqual([]);
      });

      it('hands out copies: changing a returned record does not change the store', async () => {
        const [h] = await store.getMany('Household', [net.households[0].id]);
        if (!h) throw new Error('household missing');
        h.markers.push('TEKUN');
        h.head.name = 'changed by caller';
        expect(await one('Household', h.id)).toEqual(net.households[0]);
      });

      it('keeps its own copy: changing an object after creating it does not change the store', async () => {
        const household = aHousehold({ villageId: net.villages[0].id });
        const stored = structuredClone(household);
        await store.create('Household', household);
        household.memberAgeBands.push('AGE_0_3');
        household.size = 9;
        expect(await one('Household', household.id)).toEqual(stored);
      });
    });

    // -- list: pagination -------------------------------------------------------------

    describe('list pagination', () => {
      let inVillage: string[];
      beforeEach(async () => {
        const extra = Array.from({ length: 25 }, () => aHousehold({ villageId: net.villages[0].id }));
        await store.upsertMany('Household', extra);
        inVillage = [...net.households.filter((h) => h.villageId === net.villages[0].id), ...extra].map((h) => h.id).sort();
      });

      it('walks every record once, in id order, page by page', async () => {
        const pages: Array<Page<Household>> = [];
        let after: string | null = null;
        for (;;) {
          const page: Page<Household> = await store.list('Household', { villageId: net.villages[0].id }, { first: 4, after });
          pages.push(page);
          if (!page.hasNextPage) break;
          after = page.endCursor;
        }
        expect(pages.flatMap((p) => p.items.map((h) => h.id))).toEqual(inVillage);
        expect(pages).toHaveLength(Math.ceil(inVillage.length / 4));
      });

      it('reports the size of the whole filtered set on every page', async () => {
        const first = await store.list('Household', { villageId: net.villages[0].id }, { first: 4 });
        const second = await store.list('Household', { villageId: net.villages[0].id }, { first: 4, after: first.endCursor });
        expect(first.totalCount).toBe(inVillage.length);
        expect(second.totalCount).toBe(inVillage.length);
      });

      it('sets endCursor to the last id of the page and hasNextPage while records remain', async () => {
        const page = await store.list('Household', { villageId: net.villages[0].id }, { first: 4 });
        expect(page.endCursor).toBe(inVillage[3]);
        expect(page.hasNextPage).toBe(true);
        const last = await store.list('Household', { villageId: net.villages[0].id }, { first: 4, after: inVillage[inVillage.length - 3] });
        expect(last.items.map((h) => h.id)).toEqual(inVillage.slice(-2));
        expect(last.hasNextPage).toBe(false);
      });

      it('has no next page when the page ends exactly at the last record', async () => {
        const page = await store.list('Household', { villageId: net.villages[0].id }, { first: inVillage.length });
        expect(page.items).toHaveLength(inVillage.length);
        expect(page.hasNextPage).toBe(false);
      });

      it('returns an empty page with a null endCursor after the last record', async () => {
        const page = await store.list('Household', { villageId: net.villages[0].id }, { first: 4, after: inVillage[inVillage.length - 1] });
        expect(page).toEqual({ items: [], totalCount: inVillage.length, hasNextPage: false, endCursor: null });
      });

      it('starts after the cursor position even when the cursor id is not in the set', async () => {
        const cursor = `${inVillage[9]}-`; // sorts right after inVillage[9], and no record has it
        const page = await store.list('Household', { villageId: net.villages[0].id }, { first: 3, after: cursor });
        expect(page.items.map((h) => h.id)).toEqual(inVillage.slice(10, 13));
      });

      it('lists every record of a kind without a filter', async () => {
        const all = [...net.households.map((h) => h.id), ...inVillage].filter((id, i, ids) => ids.indexOf(id) === i).sort();
        expect(await listIds('Household', {}, 7)).toEqual(all);
      });

      it('returns an empty page when nothing matches', async () => {
        const emptyVillage = aVillage({ townshipId: net.townships[1].id });
        await store.create('Village', emptyVillage);
        const page = await store.list('Household', { villageId: emptyVillage.id }, { first: 10 });
        expect(page).toEqual({ items: [], totalCount: 0, hasNextPage: false, endCursor: null });
      });
    });

    // -- list: filters --------------------------------------------------------------

    describe('list filters', () => {
      async function expectFilter<K extends EntityKind>(
        kind: K,
        filter: FilterMap[K],
        records: ReadonlyArray<EntityMap[K]>,
        meaning: (record: EntityMap[K]) => boolean,
      ): Promise<void> {
        const expected = records.filter(meaning).map((r) => r.id).sort();
        expect(expected.length).toBeGreaterThan(0); // a filter test that selects nothing proves nothing
        expect(await listIds(kind, filter, 2)).toEqual(expected);
      }
      const villageOf = (id: string) => net.villages.find((v) => v.id === id);
      const householdOf = (id: string) => net.households.find((h) => h.id === id);
      const townshipOfHousehold = (h: Household | undefined) => (h ? villageOf(h.villageId)?.townshipId : undefined);

      it('Township by kind', async () => {
        await expectFilter('Township', { kind: 'TOWN' }, net.townships, (t) => t.kind === 'TOWN');
      });
      it('Village by townshipId', async () => {
        const [t1] = net.townships;
        await expectFilter('Village', { townshipId: t1.id }, net.villages, (v) => v.townshipId === t1.id);
      });
      it('Village by type', async () => {
        await expectFilter('Village', { type: 'COMMUNITY' }, net.villages, (v) => v.type === 'COMMUNITY');
      });

      it('Household by villageId', async () => {
        const v = net.villages[1];
        await expectFilter('Household', { villageId: v.id }, net.households, (h) => h.villageId === v.id);
      });
      it('Household by townshipId, through its village', async () => {
        const t = net.townships[0];
        await expectFilter('Household', { townshipId: t.id }, net.households, (h) => villageOf(h.villageId)?.townshipId === t.id);
      });
      it('Household by marker', async () => {
        await expectFilter('Household', { marker: 'DIBAO' }, net.households, (h) => h.markers.includes('DIBAO'));
      });
      it('Household by ageBand (any member in the band)', async () => {
        await expectFilter('Household', { ageBand: 'AGE_7_17' }, net.households, (h) => h.memberAgeBands.includes('AGE_7_17'));
      });
      it('Household by synthetic', async () => {
        await expectFilter('Household', { synthetic: false }, net.households, (h) => !h.synthetic);
      });
      it('Household by several fields at once (all must match)', async () => {
        const t = net.townships[0];
        await expectFilter(
          'Household',
          { townshipId: t.id, marker: 'DIBAO' },
          net.households,
          (h) => villageOf(h.villageId)?.townshipId === t.id && h.markers.includes('DIBAO'),
        );
      });
      it('Household filters count only the records matching them all', async () => {
        const page = await store.list('Household', { villageId: net.villages[0].id, marker: 'DIBAO' }, { first: 1 });
        const expected = net.households.filter((h) => h.villageId === net.villages[0].id && h.markers.includes('DIBAO'));
        expect(page.totalCount).toBe(expected.length);
      });

      it('Need by householdId', async () => {
        const h = net.households[0];
        await expectFilter('Need', { householdId: h.id }, net.needs, (n) => n.householdId === h.id);
      });
      it('Need by villageId, through its household', async () => {
        const v = net.villages[1];
        await expectFilter('Need', { villageId: v.id }, net.needs, (n) => householdOf(n.householdId)?.villageId === v.id);
      });
      it('Need by townshipId, through its household and village', async () => {
        const t = net.townships[1];
        await expectFilter('Need', { townshipId: t.id }, net.needs, (n) => townshipOfHousehold(householdOf(n.householdId)) === t.id);
      });
      it('Need by category', async () => {
        await expectFilter('Need', { category: 'MEDICAL' }, net.needs, (n) => n.category === 'MEDICAL');
      });
      it('Need by status', async () => {
        await expectFilter('Need', { status: 'RESOLVED' }, net.needs, (n) => n.status === 'RESOLVED');
      });
      it('Need by urgency', async () => {
        await expectFilter('Need', { urgency: 'HIGH' }, net.needs, (n) => n.urgency === 'HIGH');
      });
      it('Need by category and township together', async () => {
        const t = net.townships[0];
        await expectFilter(
          'Need',
          { category: 'MEDICAL', townshipId: t.id },
          net.needs,
          (n) => n.category === 'MEDICAL' && townshipOfHousehold(householdOf(n.householdId)) === t.id,
        );
      });

      it('Person by role', async () => {
        await expectFilter('Person', { role: 'LIAISON' }, net.people, (p) => p.roles.includes('LIAISON'));
      });
      it('Person by villageId (any of their villages)', async () => {
        const v = net.villages[0];
        await expectFilter('Person', { villageId: v.id }, net.people, (p) => p.villageIds.includes(v.id));
      });
      it('Person by townshipId (any of their townships)', async () => {
        const t = net.townships[0];
        await expectFilter('Person', { townshipId: t.id }, net.people, (p) => p.townshipIds.includes(t.id));
      });
      it('Person by organizationId', async () => {
        const o = net.organizations[0];
        await expectFilter('Person', { organizationId: o.id }, net.people, (p) => p.organizationId === o.id);
      });

      it('Organization by kind', async () => {
        await expectFilter('Organization', { kind: 'NGO' }, net.organizations, (o) => o.kind === 'NGO');
      });
      it('Organization by townshipId', async () => {
        const t = net.townships[0];
        await expectFilter('Organization', { townshipId: t.id }, net.organizations, (o) => o.townshipId === t.id);
      });

      it('Service by category (any of its categories)', async () => {
        await expectFilter('Service', { category: 'MEDICAL' }, net.services, (s) => s.categories.includes('MEDICAL'));
      });
      it('Service by organizationId', async () => {
        const o = net.organizations[1];
        await expectFilter('Service', { organizationId: o.id }, net.services, (s) => s.organizationId === o.id);
      });
      it('Service by status', async () => {
        await expectFilter('Service', { status: 'PLANNED' }, net.services, (s) => s.status === 'PLANNED');
      });
      it('Service by online', async () => {
        await expectFilter('Service', { online: true }, net.services, (s) => s.online);
        await expectFilter('Service', { online: false }, net.services, (s) => !s.online);
      });

      it('Relationship by nodeId (either end)', async () => {
        const ngo = net.organizations[1];
        await expectFilter('Relationship', { nodeId: ngo.id }, net.relationships, (r) => r.fromId === ngo.id || r.toId === ngo.id);
      });
      it('Relationship by fromId and by toId', async () => {
        const ngo = net.organizations[1];
        await expectFilter('Relationship', { fromId: ngo.id }, net.relationships, (r) => r.fromId === ngo.id);
        await expectFilter('Relationship', { toId: ngo.id }, net.relationships, (r) => r.toId === ngo.id);
      });
      it('Relationship by status', async () => {
        await expectFilter('Relationship', { status: 'BUILDING' }, net.relationships, (r) => r.status === 'BUILDING');
      });
      it('Relationship by type', async () => {
        await expectFilter('Relationship', { type: 'KNOWS' }, net.relationships, (r) => r.type === 'KNOWS');
      });

      describe('on referrals, help, consent and audit', () => {
        let referrals: Referral[];
        beforeEach(async () => {
          const [n1, n2, n3] = net.needs;
          const [medical, elderly] = net.services;
          const created = [
            (await store.createReferral(aReferralFor(n1, elderly))).referral,
            (await store.createReferral(aReferralFor(n2, medical))).referral,
            (await store.createReferral(aReferralFor(n3, elderly))).referral,
          ];
          const declined = await store.transitionReferral(created[2]?.id ?? '', 'SENT', step('DECLINED', { reason: 'NOT_ELIGIBLE' }), 'OPEN');
          referrals = [created[0] as Referral, created[1] as Referral, declined];
        });

        it('Referral by needId, serviceId, organizationId and householdId', async () => {
          const [r1, r2] = referrals as [Referral, Referral];
          await expectFilter('Referral', { needId: r2.needId }, referrals, (r) => r.needId === r2.needId);
          await expectFilter('Referral', { serviceId: r1.serviceId }, referrals, (r) => r.serviceId === r1.serviceId);
          await expectFilter('Referral', { organizationId: r1.organizationId }, referrals, (r) => r.organizationId === r1.organizationId);
          await expectFilter('Referral', { householdId: r1.householdId }, referrals, (r) => r.householdId === r1.householdId);
        });
        it('Referral by status and by reason', async () => {
          await expectFilter('Referral', { status: 'SENT' }, referrals, (r) => r.status === 'SENT');
          await expectFilter('Referral', { reason: 'NOT_ELIGIBLE' }, referrals, (r) => r.reason === 'NOT_ELIGIBLE');
        });

        it('Assistance by needId and by referralId', async () => {
          const [r1] = referrals as [Referral];
          const records = [
            anAssistance({ needId: r1.needId, referralId: r1.id, actorId: net.people[2].id }),
            anAssistance({ needId: r1.needId, referralId: null, actorId: net.people[0].id }),
            anAssistance({ needId: net.needs[4].id, referralId: null, actorId: net.people[0].id }),
          ];
          for (const record of records) await store.create('Assistance', record);
          await expectFilter('Assistance', { needId: r1.needId }, records, (a) => a.needId === r1.needId);
          await expectFilter('Assistance', { referralId: r1.id }, records, (a) => a.referralId === r1.id);
        });

        it('Consent by householdId', async () => {
          const [h1, h2] = net.households;
          const records = [
            aConsent({ householdId: h1.id, organizationIds: [net.organizations[1].id] }),
            aConsent({ householdId: h1.id }),
            aConsent({ householdId: h2.id }),
          ];
          for (const record of records) await store.create('Consent', record);
          await expectFilter('Consent', { householdId: h1.id }, records, (c) => c.householdId === h1.id);
        });

        it('AuditEvent by actorId, entityId and action', async () => {
          const h = net.households[0];
          const events = [
            anAuditEvent({ actorId: 'per_auditor1', entityId: h.id, action: 'READ_SENSITIVE' }),
            anAuditEvent({ actorId: 'per_auditor1', entityId: net.needs[0].id, action: 'WRITE' }),
            anAuditEvent({ actorId: 'per_auditor2', entityId: h.id, action: 'WRITE' }),
          ];
          for (const event of events) await store.appendAudit(event);
          await expectFilter('AuditEvent', { actorId: 'per_auditor1' }, events, (e) => e.actorId === 'per_auditor1');
          await expectFilter('AuditEvent', { entityId: h.id }, events, (e) => e.entityId === h.id);
          await expectFilter('AuditEvent', { action: 'WRITE' }, events, (e) => e.action === 'WRITE');
        });
      });

      it('follows a household that moves village: its needs now filter under the new village and township', async () => {
        const [, , , , h5] = net.households;
        const target = net.villages[0];
        await store.update('Household', { ...h5, villageId: target.id, version: h5.version + 1 });
        const needsOfH5 = net.needs.filter((n) => n.householdId === h5.id).map((n) => n.id);
        expect(needsOfH5.length).toBeGreaterThan(0);
        expect(await listIds('Household', { townshipId: target.townshipId })).toContain(h5.id);
        expect(await listIds('Household', { townshipId: net.townships[1].id })).not.toContain(h5.id);
        expect(await listIds('Need', { villageId: target.id })).toEqual(expect.arrayContaining(needsOfH5));
        expect(await listIds('Need', { townshipId: target.townshipId })).toEqual(expect.arrayContaining(needsOfH5));
        expect(await listIds('Need', { townshipId: net.townships[1].id })).toEqual([]);
      });

      it('follows a village that moves township: its households and their needs move with it', async () => {
        const v3 = net.villages[2];
        const [t1, t2] = net.townships;
        await store.update('Village', { ...v3, townshipId: t1.id });
        const households = net.households.filter((h) => h.villageId === v3.id).map((h) => h.id);
        const needs = net.needs.filter((n) => households.includes(n.householdId)).map((n) => n.id);
        expect(await listIds('Household', { townshipId: t1.id })).toEqual(expect.arrayContaining(households));
        expect(await listIds('Household', { townshipId: t2.id })).toEqual([]);
        expect(await listIds('Need', { townshipId: t1.id })).toEqual(expect.arrayContaining(needs));
        expect(await listIds('Need', { townshipId: t2.id })).toEqual([]);
      });

      it('follows a changed field: a need whose status changes leaves the old status filter', async () => {
        const need = net.needs[0];
        await store.update('Need', { ...need, status: 'CLOSED' });
        expect(await listIds('Need', { status: 'OPEN' })).not.toContain(need.id);
        expect(await listIds('Need', { status: 'CLOSED' })).toEqual([need.id]);
      });
    });

    // -- create ------------------------------------------------------------------------

    describe('create', () => {
      it('stores the record and returns it', async () => {
        const household = aHousehold({ villageId: net.villages[2].id, markers: ['TEKUN'] });
        expect(await store.create('Household', household)).toEqual(household);
        expect(await one('Household', household.id)).toEqual(household);
      });

      it('accepts null references where the schema allows them', async () => {
        const organization = anOrganization({ townshipId: null, villageId: null });
        await store.create('Organization', organization);
        expect(await one('Organization', organization.id)).toEqual(organization);
      });

      it('refuses an id that exists with CONFLICT naming it', async () => {
        const existing = net.households[0];
        const error = await failure(store.create('Household', { ...existing, householdCode: null }));
        expect(error.code).toBe('CONFLICT');
        expect(error.details.existingId).toBe(existing.id);
      });

      const missingReferences: Array<[string, () => [MutableKindName, EntityMap[MutableKindName]], Array<string | number>]> = [
        ['Village.townshipId', () => ['Village', aVillage({ townshipId: 'twp_missing' })], ['townshipId']],
        ['Household.villageId', () => ['Household', aHousehold({ villageId: 'vil_missing' })], ['villageId']],
        [
          'Household.loan.creditOfficerId',
          () => ['Household', aHousehold({ villageId: net.villages[0].id, loan: { creditOfficerId: 'per_missing', amountYuan: 1000, purpose: 'PLANTING', since: '2024-03-01' } })],
          ['loan', 'creditOfficerId'],
        ],
        ['Need.householdId', () => ['Need', aNeed({ householdId: 'hh_missing' })], ['householdId']],
        ['Person.villageIds[1]', () => ['Person', aPerson({ villageIds: [net.villages[0].id, 'vil_missing'] })], ['villageIds', 1]],
        ['Person.townshipIds[0]', () => ['Person', aPerson({ townshipIds: ['twp_missing'] })], ['townshipIds', 0]],
        ['Person.organizationId', () => ['Person', aPerson({ organizationId: 'org_missing' })], ['organizationId']],
        ['Organization.townshipId', () => ['Organization', anOrganization({ townshipId: 'twp_missing' })], ['townshipId']],
        ['Organization.villageId', () => ['Organization', anOrganization({ villageId: 'vil_missing' })], ['villageId']],
        ['Service.organizationId', () => ['Service', aService({ organizationId: 'org_missing' })], ['organizationId']],
        ['Relationship.fromId', () => ['Relationship', aRelationship({ fromId: 'per_missing', toId: net.organizations[0].id })], ['fromId']],
        ['Relationship.toId', () => ['Relationship', aRelationship({ fromId: net.people[0].id, toId: 'org_missing' })], ['toId']],
        [
          'Relationship.toId naming a household (not a stakeholder)',
          () => ['Relationship', aRelationship({ fromId: net.people[0].id, toId: net.households[0].id })],
          ['toId'],
        ],
        ['Assistance.needId', () => ['Assistance', anAssistance({ needId: 'need_missing', actorId: net.people[0].id })], ['needId']],
        [
          'Assistance.referralId',
          () => ['Assistance', anAssistance({ needId: net.needs[0].id, referralId: 'ref_missing', actorId: net.people[0].id })],
          ['referralId'],
        ],
        ['Consent.householdId', () => ['Consent', aConsent({ householdId: 'hh_missing' })], ['householdId']],
      ];
      it.each(missingReferences)('refuses a missing %s with NOT_FOUND at its path, and stores nothing', async (_name, build, path) => {
        const [kind, record] = build();
        const error = await failure(store.create(kind, record));
        expect(error.code).toBe('NOT_FOUND');
        expect(error.path).toEqual(path);
        expect(await store.getMany(kind, [record.id])).toEqual([null]);
      });

      it('refuses a second household with the same householdCode (CONFLICT naming the holder)', async () => {
        const holder = net.households[0];
        const error = await failure(store.create('Household', aHousehold({ villageId: net.villages[1].id, householdCode: holder.householdCode })));
        expect(error.code).toBe('CONFLICT');
        expect(error.details.existingId).toBe(holder.id);
      });

      it('allows any number of households without a code', async () => {
        const a = aHousehold({ villageId: net.villages[1].id, householdCode: null });
        const b = aHousehold({ villageId: net.villages[1].id, householdCode: null });
        await store.create('Household', a);
        await store.create('Household', b);
        expect(await store.getMany('Household', [a.id, b.id])).toEqual([a, b]);
      });

      it('refuses a township or village code that is taken', async () => {
        const townshipError = await failure(store.create('Township', aTownship({ code: net.townships[0].code, id: 'twp_other' })));
        expect(townshipError.code).toBe('CONFLICT');
        expect(townshipError.details.existingId).toBe(net.townships[0].id);
        const villageError = await failure(
          store.create('Village', aVillage({ code: net.villages[0].code, id: 'vil_other', townshipId: net.townships[0].id })),
        );
        expect(villageError.code).toBe('CONFLICT');
        expect(villageError.details.existingId).toBe(net.villages[0].id);
      });

      it('refuses a second relationship with the same (fromId, toId, type), but allows another type', async () => {
        const existing = net.relationships[0];
        const error = await failure(store.create('Relationship', aRelationship({ fromId: existing.fromId, toId: existing.toId, type: existing.type })));
        expect(error.code).toBe('CONFLICT');
        expect(error.details.existingId).toBe(existing.id);
        const otherType = aRelationship({ fromId: existing.fromId, toId: existing.toId, type: 'SUPERVISES' });
        await expect(store.create('Relationship', otherType)).resolves.toEqual(otherType);
      });

      it('leaves no trace of a refused create', async () => {
        const village = net.villages[0];
        const before = await store.list('Household', { villageId: village.id }, { first: 1 });
        const statsBefore = await store.householdStatsByVillage();
        const orphan = aHousehold({ villageId: 'vil_missing', householdCode: 'HH-ORPHAN-1', markers: ['TEKUN'] });
        await failure(store.create('Household', orphan));
        expect(await one('Household', orphan.id)).toBeNull();
        expect(await store.findHouseholdByCode('HH-ORPHAN-1')).toBeNull();
        expect((await store.list('Household', {}, { first: 1 })).totalCount).toBe(net.households.length);
        expect((await store.list('Household', { villageId: village.id }, { first: 1 })).totalCount).toBe(before.totalCount);
        expect((await store.topVulnerableHouseholds(100, {})).map((h) => h.id)).not.toContain(orphan.id);
        expect(await store.householdStatsByVillage()).toEqual(statsBefore);
      });
    });

    // -- update ----------------------------------------------------------------------

    describe('update', () => {
      it('replaces the record', async () => {
        const need = net.needs[2];
        const changed = { ...need, urgency: 'CRITICAL' as const, description: 'worse (synthetic)' };
        expect(await store.update('Need', changed)).toEqual(changed);
        expect(await one('Need', need.id)).toEqual(changed);
      });

      it('refuses an id that does not exist with NOT_FOUND', async () => {
        const error = await failure(store.update('Need', aNeed({ householdId: net.households[0].id })));
        expect(error.code).toBe('NOT_FOUND');
      });

      it('stores a household as given when expectedVersion matches (the caller sets the new version)', async () => {
        const h = net.households[2];
        const next = { ...h, size: h.size + 1, version: h.version + 1 };
        await store.update('Household', next, { expectedVersion: h.version });
        expect(await one('Household', h.id)).toEqual(next);
      });

      it('refuses a stale expectedVersion with CONFLICT and keeps the stored record', async () => {
        const h = net.households[2];
        const error = await failure(store.update('Household', { ...h, size: 9, version: h.version + 1 }, { expectedVersion: h.version + 5 }));
        expect(error.code).toBe('CONFLICT');
        expect(await one('Household', h.id)).toEqual(h);
      });

      it('checks references like create', async () => {
        const h = net.households[1];
        const error = await failure(store.update('Household', { ...h, villageId: 'vil_missing' }));
        expect(error.code).toBe('NOT_FOUND');
        expect(error.path).toEqual(['villageId']);
        expect(await one('Household', h.id)).toEqual(h);
      });

      it('lets a household keep its own code', async () => {
        const h = net.households[0];
        await expect(store.update('Household', { ...h, size: 2 })).resolves.toMatchObject({ householdCode: h.householdCode });
      });

      it("refuses taking another household's code with CONFLICT", async () => {
        const [holder, , , other] = net.households;
        const error = await failure(store.update('Household', { ...other, householdCode: holder.householdCode }));
        expect(error.code).toBe('CONFLICT');
        expect(error.details.existingId).toBe(holder.id);
      });

      it('frees the old code when a household changes it', async () => {
        const h = net.households[0];
        const oldCode = h.householdCode as string;
        await store.update('Household', { ...h, householdCode: 'HH-SYN-RENAMED' });
        expect(await store.findHouseholdByCode(oldCode)).toBeNull();
        expect((await store.findHouseholdByCode('HH-SYN-RENAMED'))?.id).toBe(h.id);
        const taker = aHousehold({ villageId: net.villages[0].id, householdCode: oldCode });
        await expect(store.create('Household', taker)).resolves.toEqual(taker);
      });
    });

    // -- upsertMany -------------------------------------------------------------------

    describe('upsertMany', () => {
      it('is idempotent: the same rows twice give the same records and counts', async () => {
        const rows = Array.from({ length: 12 }, () => aHousehold({ villageId: net.villages[1].id }));
        const first = await store.upsertMany('Household', rows);
        const totalAfterFirst = (await store.list('Household', {}, { first: 1 })).totalCount;
        const second = await store.upsertMany('Household', rows);
        expect(second).toEqual(first);
        expect(first.written).toBe(rows.length);
        expect((await store.list('Household', {}, { first: 1 })).totalCount).toBe(totalAfterFirst);
        expect(totalAfterFirst).toBe(net.households.length + rows.length);
        expect(await store.getMany('Household', rows.map((r) => r.id))).toEqual(rows);
      });

      it('replaces a record by id, and its filters follow', async () => {
        const h = net.households[1];
        const moved = { ...h, villageId: net.villages[2].id, markers: ['TEKUN' as const], vulnerabilityScore: 6 };
        await store.upsertMany('Household', [moved]);
        expect(await one('Household', h.id)).toEqual(moved);
        expect(await listIds('Household', { villageId: net.villages[0].id })).not.toContain(h.id);
        expect(await listIds('Household', { villageId: net.villages[2].id })).toContain(h.id);
        expect(await listIds('Household', { marker: 'TEKUN' })).toEqual([h.id]);
      });

      it('writes nothing for no rows', async () => {
        await expect(store.upsertMany('Need', [])).resolves.toEqual({ written: 0 });
      });

      it('refuses a row whose unique key another record holds, and writes none of the batch', async () => {
        const holder = net.households[0];
        const fine = aHousehold({ villageId: net.villages[1].id });
        const clash = aHousehold({ villageId: net.villages[1].id, householdCode: holder.householdCode });
        const error = await failure(store.upsertMany('Household', [fine, clash]));
        expect(error.code).toBe('CONFLICT');
        expect(error.details.existingId).toBe(holder.id);
        expect(await store.getMany('Household', [fine.id, clash.id])).toEqual([null, null]);
      });

      it('refuses a relationship whose end does not exist (NOT_FOUND at [row, field]), writing none of the batch', async () => {
        const fine = aRelationship({ fromId: net.people[0].id, toId: net.organizations[1].id, type: 'KNOWS' });
        const dangling = aRelationship({ fromId: net.people[1].id, toId: 'org_missing' });
        const error = await failure(store.upsertMany('Relationship', [fine, dangling]));
        expect(error.code).toBe('NOT_FOUND');
        expect(error.path).toEqual([1, 'toId']);
        expect(await store.getMany('Relationship', [fine.id, dangling.id])).toEqual([null, null]);
      });

      it('refuses two rows of one batch sharing a unique key', async () => {
        const a = aHousehold({ villageId: net.villages[1].id, householdCode: 'HH-TWIN-1' });
        const b = aHousehold({ villageId: net.villages[1].id, householdCode: 'HH-TWIN-1' });
        expect((await failure(store.upsertMany('Household', [a, b]))).code).toBe('CONFLICT');
        expect(await store.findHouseholdByCode('HH-TWIN-1')).toBeNull();
      });
    });

    // -- categories ----------------------------------------------------------------------

    describe('categories', () => {
      it('lists the upserted categories ordered by code', async () => {
        const codes = (await store.listCategories()).map((c) => c.code);
        expect(codes).toEqual(net.categories.map((c) => c.code).sort());
      });

      it('replaces a category with the same code instead of adding one', async () => {
        await store.upsertCategories([aCategory({ code: 'MEDICAL', nameEn: 'Health care' })]);
        const medical = (await store.listCategories()).filter((c) => c.code === 'MEDICAL');
        expect(medical).toEqual([aCategory({ code: 'MEDICAL', nameEn: 'Health care' })]);
      });
    });

    // -- services and referrals ----------------------------------------------------------

    describe('setServiceCapacity', () => {
      it('sets the capacity and returns the service', async () => {
        const s = net.services[0];
        expect(await store.setServiceCapacity(s.id, 7)).toEqual({ ...s, capacity: 7 });
        expect((await service(s.id)).capacity).toBe(7);
      });

      it('accepts null for no stated limit', async () => {
        await store.setServiceCapacity(net.services[0].id, null);
        expect((await service(net.services[0].id)).capacity).toBeNull();
      });

      it('refuses an unknown service with NOT_FOUND', async () => {
        expect((await failure(store.setServiceCapacity('svc_missing', 3))).code).toBe('NOT_FOUND');
      });

      it('may go below the active referrals: they carry on, and no new claim succeeds until enough end', async () => {
        const s = net.services[0]; // capacity 2
        const a = (await store.createReferral(referralTo(s.id))).referral;
        const b = (await store.createReferral(referralTo(s.id))).referral;
        await store.setServiceCapacity(s.id, 1);
        expect((await service(s.id)).activeReferrals).toBe(2);
        expect((await failure(store.createReferral(referralTo(s.id)))).code).toBe('CAPACITY_EXHAUSTED');
        await store.transitionReferral(a.id, 'SENT', step('CANCELLED', { reason: 'OTHER' }), null);
        expect((await failure(store.createReferral(referralTo(s.id)))).code).toBe('CAPACITY_EXHAUSTED');
        await store.transitionReferral(b.id, 'SENT', step('CANCELLED', { reason: 'OTHER' }), null);
        await expect(store.createReferral(referralTo(s.id))).resolves.toMatchObject({ created: true });
      });
    });

    describe('createReferral', () => {
      it('stores the referral, claims one unit and marks the need REFERRED', async () => {
        const s = net.services[0];
        const referral = referralTo(s.id);
        const result = await store.createReferral(referral);
        expect(result).toEqual({ referral, created: true });
        expect(await one('Referral', referral.id)).toEqual(referral);
        expect((await service(s.id)).activeReferrals).toBe(s.activeReferrals + 1);
        expect((await one('Need', referral.needId))?.status).toBe('REFERRED');
      });

      it('returns the existing referral for a known idempotency key without claiming again', async () => {
        const s = net.services[0];
        const first = referralTo(s.id);
        await store.createReferral(first);
        const retry = await store.createReferral({ ...referralTo(s.id), idempotencyKey: first.idempotencyKey });
        expect(retry).toEqual({ referral: first, created: false });
        expect((await service(s.id)).activeReferrals).toBe(1);
        expect(await listIds('Referral', { serviceId: s.id })).toEqual([first.id]);
      });

      it('answers a retry with the first referral even once the service is full', async () => {
        const s = net.services[0];
        await store.setServiceCapacity(s.id, 1);
        const first = referralTo(s.id);
        await store.createReferral(first);
        await expect(store.createReferral({ ...referralTo(s.id), idempotencyKey: first.idempotencyKey })).resolves.toEqual({ referral: first, created: false });
      });

      it('treats a null capacity as unlimited', async () => {
        const s = net.services[1]; // capacity null
        for (let i = 0; i < 5; i += 1) await store.createReferral(referralTo(s.id));
        expect((await service(s.id)).activeReferrals).toBe(5);
      });

      it('refuses with CAPACITY_EXHAUSTED when active referrals reach the capacity, storing nothing', async () => {
        const s = net.services[0]; // capacity 2
        const need = net.needs[4];
        await store.createReferral(referralTo(s.id));
        await store.createReferral(referralTo(s.id));
        const third = aReferralFor(need, s);
        const error = await failure(store.createReferral(third));
        expect(error.code).toBe('CAPACITY_EXHAUSTED');
        expect(await one('Referral', third.id)).toBeNull();
        expect(await store.findReferralByIdempotencyKey(third.idempotencyKey)).toBeNull();
        expect((await service(s.id)).activeReferrals).toBe(2);
        expect((await one('Need', need.id))?.status).toBe(need.status);
      });

      it('refuses a zero capacity', async () => {
        const s = net.services[0];
        await store.setServiceCapacity(s.id, 0);
        expect((await failure(store.createReferral(referralTo(s.id)))).code).toBe('CAPACITY_EXHAUSTED');
      });

      it.each([
        ['needId', { needId: 'need_missing' }],
        ['serviceId', { serviceId: 'svc_missing' }],
        ['householdId', { householdId: 'hh_missing' }],
        ['organizationId', { organizationId: 'org_missing' }],
      ] as const)('refuses a missing %s with NOT_FOUND at that path', async (field, overrides) => {
        const referral = referralTo(net.services[1].id, overrides);
        const error = await failure(store.createReferral(referral));
        expect(error.code).toBe('NOT_FOUND');
        expect(error.path).toEqual([field]);
        expect(await one('Referral', referral.id)).toBeNull();
      });
    });

    describe('transitionReferral', () => {
      let medical: EntityMap['Service'];
      let referral: Referral;
      beforeEach(async () => {
        medical = net.services[0];
        referral = (await store.createReferral(referralTo(medical.id))).referral;
      });

      it('applies the transition: status, reason, and the step appended to the history', async () => {
        const declined = step('DECLINED', { reason: 'NO_CAPACITY', note: 'full this month (synthetic)' });
        const result = await store.transitionReferral(referral.id, 'SENT', declined, 'OPEN');
        expect(result.status).toBe('DECLINED');
        expect(result.reason).toBe('NO_CAPACITY');
        expect(result.transitions).toEqual([...referral.transitions, declined]);
        expect(await one('Referral', referral.id)).toEqual(result);
      });

      it('keeps the unit while the referral stays active (SENT → ACCEPTED → IN_PROGRESS)', async () => {
        await store.transitionReferral(referral.id, 'SENT', step('ACCEPTED'), null);
        await store.transitionReferral(referral.id, 'ACCEPTED', step('IN_PROGRESS'), null);
        expect((await service(medical.id)).activeReferrals).toBe(1);
      });

      it.each([
        ['RESOLVED', null],
        ['DECLINED', 'NOT_ELIGIBLE'],
        ['CANCELLED', 'DECLINED_BY_FAMILY'],
      ] as const)('releases the unit when the referral ends as %s', async (status, reason) => {
        await store.transitionReferral(referral.id, 'SENT', step(status, { reason }), null);
        expect((await service(medical.id)).activeReferrals).toBe(0);
      });

      it('lets a new referral take a released unit', async () => {
        await store.setServiceCapacity(medical.id, 1);
        expect((await failure(store.createReferral(referralTo(medical.id)))).code).toBe('CAPACITY_EXHAUSTED');
        await store.transitionReferral(referral.id, 'SENT', step('RESOLVED'), 'RESOLVED');
        await expect(store.createReferral(referralTo(medical.id))).resolves.toMatchObject({ created: true });
      });

      it("sets the need's status when one is given, and leaves it when null", async () => {
        await store.transitionReferral(referral.id, 'SENT', step('ACCEPTED'), null);
        expect((await one('Need', referral.needId))?.status).toBe('REFERRED');
        await store.transitionReferral(referral.id, 'ACCEPTED', step('DECLINED', { reason: 'COULD_NOT_CONTACT' }), 'OPEN');
        expect((await one('Need', referral.needId))?.status).toBe('OPEN');
      });

      it('refuses with CONFLICT when the stored status is not `from`, changing nothing', async () => {
        const error = await failure(store.transitionReferral(referral.id, 'ACCEPTED', step('IN_PROGRESS'), null));
        expect(error.code).toBe('CONFLICT');
        expect(await one('Referral', referral.id)).toEqual(referral);
        expect((await service(medical.id)).activeReferrals).toBe(1);
      });

      it('refuses an unknown referral with NOT_FOUND', async () => {
        expect((await failure(store.transitionReferral('ref_missing', 'SENT', step('ACCEPTED'), null))).code).toBe('NOT_FOUND');
      });
    });

    // -- audit ---------------------------------------------------------------------------

    describe('appendAudit', () => {
      it('appends events that can then be listed', async () => {
        const event = anAuditEvent({ entityId: net.households[0].id });
        await store.appendAudit(event);
        expect(await store.getMany('AuditEvent', [event.id])).toEqual([event]);
        expect((await store.list('AuditEvent', { entityId: event.entityId }, { first: 10 })).items).toEqual([event]);
      });

      it('never replaces an event: a second event with the same id is a CONFLICT', async () => {
        const event = anAuditEvent();
        await store.appendAudit(event);
        expect((await failure(store.appendAudit({ ...event, purpose: 'rewritten' }))).code).toBe('CONFLICT');
        expect(await store.getMany('AuditEvent', [event.id])).toEqual([event]);
      });
    });

    // -- lookups by unique key ------------------------------------------------------------

    describe('find by unique key', () => {
      it('finds a household by its code, or null', async () => {
        const h = net.households[3];
        expect(await store.findHouseholdByCode(h.householdCode as string)).toEqual(h);
        expect(await store.findHouseholdByCode('HH-NOBODY')).toBeNull();
      });

      it('finds a relationship by (fromId, toId, type), direction and type included', async () => {
        const r = net.relationships[1];
        expect(await store.findRelationship(r.fromId, r.toId, r.type)).toEqual(r);
        expect(await store.findRelationship(r.toId, r.fromId, r.type)).toBeNull();
        expect(await store.findRelationship(r.fromId, r.toId, 'FUNDS')).toBeNull();
      });

      it('finds a referral by its idempotency key, or null', async () => {
        const { referral } = await store.createReferral(referralTo(net.services[1].id));
        expect(await store.findReferralByIdempotencyKey(referral.idempotencyKey)).toEqual(referral);
        expect(await store.findReferralByIdempotencyKey('key-nobody')).toBeNull();
      });
    });

    // -- rankings and counts -------------------------------------------------------------

    describe('topVulnerableHouseholds', () => {
      const ranked = (households: readonly Household[]) =>
        households
          .filter((h) => h.vulnerabilityScore > 0)
          .sort((a, b) => b.vulnerabilityScore - a.vulnerabilityScore || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((h) => h.id);

      it('ranks households with a score above 0 by score, highest first', async () => {
        const expected = ranked(net.households);
        expect(expected.length).toBeGreaterThan(1);
        expect((await store.topVulnerableHouseholds(100, {})).map((h) => h.id)).toEqual(expected);
      });

      it('breaks ties by id ascending', async () => {
        const twins = Array.from({ length: 4 }, () => aHousehold({ villageId: net.villages[0].id, markers: ['EMPTY_NEST_ELDERLY'] }));
        await store.upsertMany('Household', twins);
        const top = (await store.topVulnerableHouseholds(100, {})).filter((h) => twins.some((t) => t.id === h.id));
        expect(top.map((h) => h.id)).toEqual(twins.map((t) => t.id).sort());
      });

      it('returns at most `limit` households', async () => {
        const expected = ranked(net.households);
        expect((await store.topVulnerableHouseholds(2, {})).map((h) => h.id)).toEqual(expected.slice(0, 2));
      });

      it('honours the household filter', async () => {
        const t = net.townships[0];
        const inT = net.households.filter((h) => net.villages.find((v) => v.id === h.villageId)?.townshipId === t.id);
        expect((await store.topVulnerableHouseholds(100, { townshipId: t.id })).map((h) => h.id)).toEqual(ranked(inT));
        const v = net.villages[1];
        expect((await store.topVulnerableHouseholds(100, { villageId: v.id })).map((h) => h.id)).toEqual(
          ranked(net.households.filter((h) => h.villageId === v.id)),
        );
        expect((await store.topVulnerableHouseholds(100, { marker: 'DIBAO' })).map((h) => h.id)).toEqual(
          ranked(net.households.filter((h) => h.markers.includes('DIBAO'))),
        );
      });

      it('follows a changed score', async () => {
        const last = ranked(net.households).at(-1) as string;
        const h = net.households.find((x) => x.id === last) as Household;
        await store.update('Household', { ...h, vulnerabilityScore: 99, version: h.version + 1 });
        expect((await store.topVulnerableHouseholds(1, {})).map((x) => x.id)).toEqual([h.id]);
        await store.update('Household', { ...h, markers: [], disabilityGrade: null, vulnerabilityScore: 0, version: h.version + 2 });
        expect((await store.topVulnerableHouseholds(100, {})).map((x) => x.id)).not.toContain(h.id);
      });
    });

    describe('householdStatsByVillage', () => {
      it('counts households, vulnerable households and markers per village', async () => {
        const stats = await store.householdStatsByVillage();
        for (const village of net.villages) {
          const here = net.households.filter((h) => h.villageId === village.id);
          const row = stats.find((s) => s.villageId === village.id);
          expect(row?.households).toBe(here.length);
          expect(row?.vulnerable).toBe(here.filter((h) => h.vulnerabilityScore > 0).length);
          for (const marker of ['DIBAO', 'LEFT_BEHIND_CHILDREN', 'SERIOUS_ILLNESS', 'TEKUN'] as const) {
            expect(row?.byMarker[marker] ?? 0).toBe(here.filter((h) => h.markers.includes(marker)).length);
          }
        }
      });

      it('omits villages without households', async () => {
        const empty = aVillage({ townshipId: net.townships[0].id });
        await store.create('Village', empty);
        const ids = (await store.householdStatsByVillage()).map((s) => s.villageId);
        expect(ids).not.toContain(empty.id);
        expect(ids.sort()).toEqual(net.villages.map((v) => v.id).sort());
      });

      it('follows a household that moves village', async () => {
        const [h1] = net.households;
        const [v1, , v3] = net.villages;
        await store.update('Household', { ...h1, villageId: v3.id });
        const stats = await store.householdStatsByVillage();
        const count = (villageId: string) => stats.find((s) => s.villageId === villageId)?.households ?? 0;
        expect(count(v1.id)).toBe(net.households.filter((h) => h.villageId === v1.id).length - 1);
        expect(count(v3.id)).toBe(net.households.filter((h) => h.villageId === v3.id).length + 1);
      });
    });

    describe('households by credit officer (issue 15 item 3)', () => {
      it("lists and counts exactly one officer's borrowers, and follows a loan that changes officer", async () => {
        const officer = net.people.find((p) => p.roles.includes('CREDIT_OFFICER'))!;
        const other = aPerson({ roles: ['CREDIT_OFFICER'], townshipIds: [net.townships[0].id] });
        await store.create('Person', other);
        const loan = (creditOfficerId: string) => ({ creditOfficerId, amountYuan: 15_000, purpose: 'LIVESTOCK' as const, since: '2024-03-01' });
        const mine = [aHousehold({ villageId: net.villages[0].id, loan: loan(officer.id) }), aHousehold({ villageId: net.villages[2].id, loan: loan(officer.id) })];
        const theirs = aHousehold({ villageId: net.villages[0].id, loan: loan(other.id) });
        await store.upsertMany('Household', [...mine, theirs]);
        const seeded = net.households.filter((h) => h.loan?.creditOfficerId === officer.id).map((h) => h.id);
        expect(seeded.length).toBeGreaterThan(0);
        expect(await listIds('Household', { creditOfficerId: officer.id }, 1)).toEqual([...seeded, ...mine.map((h) => h.id)].sort());
        expect(await listIds('Household', { creditOfficerId: other.id })).toEqual([theirs.id]);
        // Combined with a place filter, and after the loan moves to the other officer.
        expect(await listIds('Household', { creditOfficerId: officer.id, villageId: net.villages[2].id })).toEqual([mine[1]!.id]);
        const [stored] = await store.getMany('Household', [mine[0]!.id]);
        await store.update('Household', { ...stored!, loan: loan(other.id) });
        expect(await listIds('Household', { creditOfficerId: other.id })).toEqual([mine[0]!.id, theirs.id].sort());
        expect((await store.list('Household', { creditOfficerId: 'per_nobody' }, { first: 5 })).totalCount).toBe(0);
      });
    });

    describe('place filters whatever order upsertMany wrote the records in (issue 13 item 1: filters through edges on Neo4j)', () => {
      it('lists and counts households, needs and villages by place, and borrowers by officer, when children were written before their parents', async () => {
        await factory.reset(store);
        // Synthetic places, two townships: children first, then their village, township and credit officer.
        const [t1, t2] = [aTownship(), aTownship()];
        const [v1, v2, v3] = [aVillage({ townshipId: t1.id }), aVillage({ townshipId: t1.id }), aVillage({ townshipId: t2.id })];
        const officer = aPerson({ roles: ['CREDIT_OFFICER'], townshipIds: [t1.id], villageIds: [v1.id] });
        const loan = { creditOfficerId: officer.id, amountYuan: 8_000, purpose: 'PLANTING' as const, since: '2024-03-01' };
        const households = [
          aHousehold({ villageId: v1.id, markers: ['SOLITARY_ELDERLY'], loan }),
          aHousehold({ villageId: v2.id, markers: ['SOLITARY_ELDERLY'] }),
          aHousehold({ villageId: v3.id, markers: ['SOLITARY_ELDERLY'] }),
        ];
        const [h1, h2, h3] = households as [Household, Household, Household];
        const needs = [aNeed({ householdId: h1.id }), aNeed({ householdId: h1.id }), aNeed({ householdId: h2.id }), aNeed({ householdId: h3.id })];
        await store.upsertMany('Need', needs);
        await store.upsertMany('Household', households);
        await store.upsertMany('Person', [officer]);
        await store.upsertMany('Village', [v1, v2, v3]);
        await store.upsertMany('Township', [t1, t2]);
        const ids = (records: ReadonlyArray<{ id: string }>) => records.map((r) => r.id).sort();

        expect(await listIds('Household', { townshipId: t1.id }, 1)).toEqual(ids([h1, h2]));
        expect(await listIds('Household', { townshipId: t2.id })).toEqual([h3.id]);
        expect(await listIds('Household', { villageId: v2.id })).toEqual([h2.id]);
        expect(await listIds('Household', { townshipId: t1.id, villageId: v3.id })).toEqual([]);
        expect(await listIds('Household', { creditOfficerId: officer.id })).toEqual([h1.id]);
        expect(await listIds('Need', { townshipId: t1.id }, 2)).toEqual(ids(needs.slice(0, 3)));
        expect(await listIds('Need', { villageId: v3.id })).toEqual(ids(needs.slice(3)));
        expect(await listIds('Need', { householdId: h1.id })).toEqual(ids(needs.slice(0, 2)));
        expect(await listIds('Village', { townshipId: t1.id })).toEqual(ids([v1, v2]));
        expect(ids(await store.topVulnerableHouseholds(10, { townshipId: t1.id }))).toEqual(ids([h1, h2]));

        // A household that moves to the other township takes its needs along, and the filters follow.
        await store.upsertMany('Household', [{ ...h2, villageId: v3.id }]);
        expect(await listIds('Household', { townshipId: t2.id })).toEqual(ids([h2, h3]));
        expect(await listIds('Need', { townshipId: t1.id })).toEqual(ids(needs.slice(0, 2)));
      });
    });

    describe('list with count: false (issue 13 item 1: totalCount only when the query selects it)', () => {
      it('returns the same page without counting, totalCount NOT_COUNTED', async () => {
        for (const [kind, filter] of [['Household', { villageId: net.villages[0].id }], ['Need', {}], ['Relationship', {}]] as const) {
          const counted = await store.list(kind, filter, { first: 2 });
          const uncounted = await store.list(kind, filter, { first: 2, count: false });
          expect(counted.totalCount).toBeGreaterThan(0);
          expect({ ...uncounted, totalCount: counted.totalCount }).toEqual(counted);
          expect(uncounted.totalCount).toBe(NOT_COUNTED);
        }
      });
    });

    describe('matchContext (issue 13 item 1: a need and what matching and the guard read, in one call)', () => {
      it("returns the need, its household, village, township and the household's consents by id", async () => {
        const need = net.needs[0];
        const household = net.households[0];
        const consents = [
          aConsent({ householdId: household.id, categories: ['MEDICAL'] }),
          aConsent({ householdId: household.id, categories: [], organizationIds: [net.organizations[1].id], withdrawnAt: '2025-02-01T00:00:00.000Z' }),
        ];
        await store.create('Consent', consents[0]!);
        await store.create('Consent', consents[1]!);
        await store.create('Consent', aConsent({ householdId: net.households[1].id }));
        expect(await store.matchContext(need.id)).toEqual({
          need: await one('Need', need.id),
          household: await one('Household', household.id),
          village: await one('Village', household.villageId),
          township: await one('Township', net.villages[0].townshipId),
          consents: [...consents].sort((a, b) => (a.id < b.id ? -1 : 1)),
        });
        // A household with no consent, in the second township.
        const other = net.needs[4];
        expect(await store.matchContext(other.id)).toMatchObject({ household: { id: other.householdId }, village: { id: net.villages[2].id }, township: { id: net.townships[1].id }, consents: [] });
      });

      it('follows a household that moves village, and is null for an unknown need', async () => {
        const household = net.households[0];
        const [stored] = await store.getMany('Household', [household.id]);
        await store.update('Household', { ...stored!, villageId: net.villages[2].id, version: stored!.version + 1 }, { expectedVersion: stored!.version });
        expect(await store.matchContext(net.needs[0].id)).toMatchObject({ village: { id: net.villages[2].id }, township: { id: net.townships[1].id } });
        expect(await store.matchContext('need_doesnotexist')).toBeNull();
        expect(await store.matchContext(household.id)).toBeNull();
      });

      it('reads a seed written in any order (needs and consents before their household, villages before their township)', async () => {
        await factory.reset(store);
        const t = aTownship();
        const v = aVillage({ townshipId: t.id });
        const h = aHousehold({ villageId: v.id });
        const n = aNeed({ householdId: h.id });
        const c = aConsent({ householdId: h.id });
        await store.upsertMany('Need', [n]);
        await store.upsertMany('Consent', [c]);
        expect(await store.matchContext(n.id)).toEqual({ need: n, household: null, village: null, township: null, consents: [] });
        await store.upsertMany('Household', [h]);
        await store.upsertMany('Village', [v]);
        await store.upsertMany('Township', [t]);
        expect(await store.matchContext(n.id)).toMatchObject({ need: { id: n.id }, household: { id: h.id }, village: { id: v.id }, township: { id: t.id }, consents: [c] });
      });
    });

    // -- concurrency ---------------------------------------------------------------------

    describe('networkCounters (issue 13 item 2: kept by the writes, never re-aggregated)', () => {
      /** The counters must equal what aggregating every record gives (the reference the store never runs per request). */
      async function expectCountersMatchRecords(): Promise<void> {
        const counters = await store.networkCounters();
        expect(counters.version).toBe(await store.version());
        const byId = (a: { villageId: string }, b: { villageId: string }) => (a.villageId < b.villageId ? -1 : 1);
        const stats = (await store.householdStatsByVillage()).filter((s) => net.villages.some((v) => v.id === s.villageId) || s.households === 0);
        expect([...counters.villages].sort(byId)).toEqual(
          stats.map((s) => ({ villageId: s.villageId, households: s.households, vulnerable: s.vulnerable })).sort(byId),
        );
        const referrals = (await store.list('Referral', {}, { first: MAX_PAGE_SIZE })).items;
        const services = (await store.list('Service', {}, { first: MAX_PAGE_SIZE })).items;
        const expected = new Map<string, ServiceTrackRecord>();
        for (const r of referrals) expected.set(r.serviceId, addTrackRecords(expected.get(r.serviceId) ?? EMPTY_TRACK_RECORD, referralTrackRecord(r)));
        expect(counters.services).toEqual(
          services.map((svc) => ({ serviceId: svc.id, activeReferrals: svc.activeReferrals, trackRecord: expected.get(svc.id) ?? EMPTY_TRACK_RECORD })),
        );
      }

      it('holds the stored network\'s counts', async () => {
        await expectCountersMatchRecords();
        const counters = await store.networkCounters();
        for (const village of net.villages) {
          const here = net.households.filter((h) => h.villageId === village.id);
          const row = counters.villages.find((v) => v.villageId === village.id);
          expect(row?.households ?? 0).toBe(here.length);
          expect(row?.vulnerable ?? 0).toBe(here.filter((h) => h.vulnerabilityScore > 0).length);
        }
      });

      it('follows household creates, updates, moves and bulk upserts', async () => {
        const [v1, v2, v3] = net.villages;
        const h = await store.create('Household', aHousehold({ villageId: v1.id, markers: ['DIBAO'] }));
        expect(h.vulnerabilityScore).toBeGreaterThan(0);
        await expectCountersMatchRecords();
        await store.update('Household', { ...h, villageId: v2.id, markers: [], disabilityGrade: null, vulnerabilityScore: 0 }, { expectedVersion: h.version });
        await expectCountersMatchRecords();
        const [first] = net.households;
        await store.upsertMany('Household', [
          { ...first, villageId: v3.id, vulnerabilityScore: first.vulnerabilityScore + 5 },
          aHousehold({ villageId: v3.id }),
          aHousehold({ villageId: v1.id, markers: ['TEKUN'] }),
        ]);
        await expectCountersMatchRecords();
      });

      it('tells a service\'s referrals apart: sent, accepted, resolved, declined, declined for no capacity, active', async () => {
        const target = net.services[1].id;
        const accepted = (await store.createReferral(referralTo(target))).referral;
        const declinedFull = (await store.createReferral(referralTo(target))).referral;
        const declinedOther = (await store.createReferral(referralTo(target))).referral;
        const resolved = (await store.createReferral(referralTo(target))).referral;
        await store.transitionReferral(accepted.id, 'SENT', step('ACCEPTED'), null);
        await store.transitionReferral(declinedFull.id, 'SENT', step('ACCEPTED'), null);
        await store.transitionReferral(declinedFull.id, 'ACCEPTED', step('DECLINED', { reason: 'NO_CAPACITY' }), 'OPEN');
        await store.transitionReferral(declinedOther.id, 'SENT', step('DECLINED', { reason: 'OTHER' }), 'OPEN');
        await store.transitionReferral(resolved.id, 'SENT', step('ACCEPTED'), null);
        await store.transitionReferral(resolved.id, 'ACCEPTED', step('RESOLVED'), 'RESOLVED');
        await expectCountersMatchRecords();
        const row = (await store.networkCounters()).services.find((s) => s.serviceId === target);
        // smallNetwork stores no referral: these four are the service's whole record.
        expect(row?.trackRecord).toEqual({ sent: 4, accepted: 2, resolved: 1, declined: 1, declinedNoCapacity: 1 });
        expect(row?.activeReferrals).toBe((await service(target)).activeReferrals);
      });

      it('counts households written before their village (a seed in any order)', async () => {
        const late = aVillage({ townshipId: net.townships[0].id });
        await store.upsertMany('Household', [aHousehold({ villageId: late.id }), aHousehold({ villageId: late.id, markers: ['DIBAO'] })]);
        await store.create('Village', late);
        const row = (await store.networkCounters()).villages.find((v) => v.villageId === late.id);
        expect(row).toEqual({ villageId: late.id, households: 2, vulnerable: 1 });
      });
    });

    describe('concurrent writes', () => {
      it('lets exactly one of 50 concurrent referrals take the last unit', async () => {
        const s = net.services[0];
        await store.setServiceCapacity(s.id, 1);
        const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => store.createReferral(referralTo(s.id))));
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((o) => codeOf(o.reason))).toEqual(Array(49).fill('CAPACITY_EXHAUSTED'));
        expect((await service(s.id)).activeReferrals).toBe(1);
        expect((await store.list('Referral', { serviceId: s.id }, { first: 100 })).totalCount).toBe(1);
      });

      it('creates one referral for 20 concurrent calls with the same idempotency key', async () => {
        const s = net.services[1];
        const key = 'key-concurrent-retry';
        const results = await Promise.all(Array.from({ length: 20 }, () => store.createReferral(referralTo(s.id, { idempotencyKey: key }))));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.referral.id)).size).toBe(1);
        expect((await service(s.id)).activeReferrals).toBe(1);
      });

      it('stores one household for 16 concurrent creates with the same code; the rest get CONFLICT', async () => {
        const code = 'HH-RACE-0001';
        const outcomes = await Promise.allSettled(
          Array.from({ length: 16 }, () => store.create('Household', aHousehold({ villageId: net.villages[2].id, householdCode: code }))),
        );
        const won = outcomes.filter((o): o is PromiseFulfilledResult<Household> => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((o) => codeOf(o.reason))).toEqual(Array(15).fill('CONFLICT'));
        expect((await store.findHouseholdByCode(code))?.id).toBe(won[0]?.value.id);
        expect((await store.list('Household', {}, { first: 1 })).totalCount).toBe(net.households.length + 1);
      });

      it('applies exactly one of 10 concurrent transitions from the same status, releasing the unit once', async () => {
        const s = net.services[0];
        const { referral } = await store.createReferral(referralTo(s.id));
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, () => store.transitionReferral(referral.id, 'SENT', step('CANCELLED', { reason: 'OTHER' }), 'OPEN')),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect((await one('Referral', referral.id))?.transitions).toHaveLength(2);
        expect((await service(s.id)).activeReferrals).toBe(0);
      });

      it('accepts exactly one of 10 concurrent updates carrying the same expectedVersion', async () => {
        const h = net.households[4];
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.update('Household', { ...h, size: i + 1, version: h.version + 1 }, { expectedVersion: h.version })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect((await one('Household', h.id))?.version).toBe(h.version + 1);
      });
    });

    // -- one validation for both adapters (issue 10 item 10) -------------------------------

    describe('validation of every write (one rule for both adapters)', () => {
      /** A record the domain schema refuses, cast past the compiler the way an untyped caller would send it. */
      function invalid<T extends object>(record: T, changes: Record<string, unknown>): T {
        return Object.assign({}, record, changes);
      }

      it("refuses create('Township', { kind: 'NOT_A_KIND', name: '', bogus: 42 }) with BAD_USER_INPUT at a field, storing nothing", async () => {
        const township = invalid(aTownship(), { kind: 'NOT_A_KIND', name: '', bogus: 42 });
        const before = await store.version();
        const error = await failure(store.create('Township', township));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect([['name'], ['kind'], ['bogus']]).toContainEqual([...error.path]);
        expect(await one('Township', township.id)).toBeNull();
        expect(await store.version()).toBe(before);
      });

      it.each([
        ['an enum value outside the schema', { kind: 'NOT_A_KIND' }, ['kind']],
        ['an empty required string', { name: '' }, ['name']],
        ['a key the schema does not name', { bogus: 42 }, ['bogus']],
        ['a nested key the schema does not name', { location: { lat: 30.5, lng: 103.5, precision: 'exact', altitude: 500 } }, ['location', 'altitude']],
      ])('refuses a township with %s, naming the field', async (_what, changes, path) => {
        const township = invalid(aTownship(), changes);
        const error = await failure(store.create('Township', township));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.path).toEqual(path);
        expect(await one('Township', township.id)).toBeNull();
      });

      it('refuses an invalid update and keeps the stored record', async () => {
        const h = net.households[1];
        const error = await failure(store.update('Household', invalid(h, { head: { ...h.head, nickname: 'x (synthetic)' } })));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.path).toEqual(['head', 'nickname']);
        expect(await one('Household', h.id)).toEqual(h);
      });

      it('refuses an upsertMany batch with an invalid row at [row, field], writing none of it', async () => {
        const fine = aNeed({ householdId: net.households[0].id });
        const bad = invalid(aNeed({ householdId: net.households[0].id }), { urgency: 'SOMEDAY' });
        const error = await failure(store.upsertMany('Need', [fine, bad]));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.path).toEqual([1, 'urgency']);
        expect(await store.getMany('Need', [fine.id, bad.id])).toEqual([null, null]);
      });

      it('refuses an invalid referral without claiming capacity', async () => {
        const s = net.services[1];
        const referral = invalid(referralTo(s.id), { status: 'MAYBE' });
        const before = (await service(s.id)).activeReferrals;
        const error = await failure(store.createReferral(referral));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.path).toEqual(['status']);
        expect(await one('Referral', referral.id)).toBeNull();
        expect((await service(s.id)).activeReferrals).toBe(before);
      });

      it('refuses an invalid transition and keeps the referral as it was', async () => {
        const { referral } = await store.createReferral(referralTo(net.services[1].id));
        const error = await failure(store.transitionReferral(referral.id, 'SENT', invalid(step('ACCEPTED'), { mood: 'glad' }), null));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(await one('Referral', referral.id)).toEqual(referral);
      });

      it('refuses an invalid audit event or category, storing nothing', async () => {
        const event = invalid(anAuditEvent(), { action: 'DELETE' });
        expect((await failure(store.appendAudit(event))).path).toEqual(['action']);
        expect(await one('AuditEvent', event.id)).toBeNull();
        const category = invalid(aCategory({ code: 'EMPLOYMENT' }), { nameZh: '' });
        expect((await failure(store.upsertCategories([category]))).path).toEqual([0, 'nameZh']);
        expect((await store.listCategories()).map((c) => c.code)).not.toContain('EMPLOYMENT');
      });
    });

    describeAccountsContract(() => store);
    describeServiceUpkeepContract(() => store, () => net.households[0].id);
    describeDevelopmentOfficerContract(() => store, () => ({ villageId: net.villages[0].id, townshipId: net.townships[0].id, officerId: net.people[3].id }));

    // -- what a refusal says (issue 10 item 2) ------------------------------------------

    describe('refusals name no value and no other record in their message', () => {
      it('says a householdCode is taken without repeating the code or naming the holder (the holder is in details only)', async () => {
        const holder = net.households[0];
        const code = holder.householdCode as string;
        const probe = aHousehold({ villageId: net.villages[2].id, householdCode: code });
        for (const attempt of [store.create('Household', probe), store.update('Household', { ...net.households[3], householdCode: code })]) {
          const error = await failure(attempt);
          expect(error.code).toBe('CONFLICT');
          expect(error.path).toEqual(['householdCode']);
          expect(error.details.existingId).toBe(holder.id);
          expect(error.message).not.toContain(code);
          expect(error.message).not.toContain(holder.id);
        }
        expect(await one('Household', probe.id)).toBeNull();
      });

      it('says a township code or relationship is taken without the code or the holder', async () => {
        const township = net.townships[0];
        const error = await failure(store.create('Township', aTownship({ code: township.code, id: 'twp_probe' })));
        expect(error.message).not.toContain(township.code);
        expect(error.message).not.toContain(township.id);
        const existing = net.relationships[0];
        const twin = await failure(store.create('Relationship', aRelationship({ fromId: existing.fromId, toId: existing.toId, type: existing.type })));
        expect(twin.message).not.toContain(existing.id);
      });
    });

    // -- idempotency keys on retryable writes (issue 10 item 5) -----------------------------

    describe('idempotency keys on create and transitionReferral', () => {
      const claim = (key: string, fingerprint = 'fp-synthetic-1', operation = 'registerHousehold') => ({ idempotency: { key, operation, fingerprint } });

      it('creates once per key: the same key again returns the first record and writes nothing new', async () => {
        const first = aHousehold({ villageId: net.villages[0].id, householdCode: 'HH-IDEM-0001' });
        const retry = aHousehold({ villageId: net.villages[0].id, householdCode: 'HH-IDEM-0001' }); // a retry builds a new id
        expect(await store.create('Household', first, claim('key-household-1'))).toEqual(first);
        const versionAfterFirst = await store.version();
        expect(await store.create('Household', retry, claim('key-household-1'))).toEqual(first);
        expect(await one('Household', retry.id)).toBeNull();
        expect(await store.version()).toBe(versionAfterFirst);
        expect(await store.findIdempotencyRecord('key-household-1')).toEqual({
          key: 'key-household-1',
          operation: 'registerHousehold',
          fingerprint: 'fp-synthetic-1',
          resultKind: 'Household',
          resultId: first.id,
        });
      });

      it('refuses a key reused with different input, or for another operation, with CONFLICT at idempotencyKey, writing nothing', async () => {
        const first = aNeed({ householdId: net.households[0].id });
        await store.create('Need', first, claim('key-need-1', 'fp-a', 'recordNeed'));
        for (const [fingerprint, operation] of [['fp-b', 'recordNeed'], ['fp-a', 'recordAssistance']] as const) {
          const other = aNeed({ householdId: net.households[1].id });
          const error = await failure(store.create('Need', other, claim('key-need-1', fingerprint, operation)));
          expect(error.code).toBe('CONFLICT');
          expect(error.path).toEqual(['idempotencyKey']);
          expect(error.message).toMatch(/already used/);
          expect(error.message).not.toContain('key-need-1');
          expect(await one('Need', other.id)).toBeNull();
        }
      });

      it('does not record a key for a refused create: the corrected retry with the same key is written', async () => {
        const dangling = aNeed({ householdId: 'hh_missing' });
        expect((await failure(store.create('Need', dangling, claim('key-need-2', 'fp-x', 'recordNeed')))).code).toBe('NOT_FOUND');
        expect(await store.findIdempotencyRecord('key-need-2')).toBeNull();
        const fixed = aNeed({ householdId: net.households[0].id });
        expect(await store.create('Need', fixed, claim('key-need-2', 'fp-y', 'recordNeed'))).toEqual(fixed);
      });

      it('creates one record for 12 concurrent creates with the same key, and answers each with it', async () => {
        const attempts = Array.from({ length: 12 }, () => anAssistance({ needId: net.needs[0].id, actorId: 'local-coordinator' }));
        const results = await Promise.all(attempts.map((a) => store.create('Assistance', a, claim('key-assist-race', 'fp-r', 'recordAssistance'))));
        expect(new Set(results.map((r) => r.id)).size).toBe(1);
        expect((await store.list('Assistance', { needId: net.needs[0].id }, { first: 100 })).items.map((a) => a.id)).toEqual([results[0]?.id]);
      });

      it('makes a transition once per key: a retry after the step returns the referral without a second step', async () => {
        const { referral } = await store.createReferral(referralTo(net.services[1].id));
        const key = claim('key-transition-1', 'fp-t', 'updateReferralStatus');
        const moved = await store.transitionReferral(referral.id, 'SENT', step('ACCEPTED'), null, key);
        // The retry still says "from SENT": the key is checked first, so it is answered, not refused as stale.
        expect(await store.transitionReferral(referral.id, 'SENT', step('ACCEPTED'), null, key)).toEqual(moved);
        expect((await one('Referral', referral.id))?.transitions).toHaveLength(2);
      });

      it('applies one of 10 concurrent transitions with the same key and answers all of them with it', async () => {
        const s = net.services[0];
        const { referral } = await store.createReferral(referralTo(s.id));
        const key = claim('key-transition-race', 'fp-c', 'updateReferralStatus');
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.transitionReferral(referral.id, 'SENT', step('CANCELLED', { reason: 'OTHER' }), 'OPEN', key)),
        );
        expect(results.every((r) => r.status === 'CANCELLED' && r.transitions.length === 2)).toBe(true);
        expect((await one('Referral', referral.id))?.transitions).toHaveLength(2);
        expect((await service(s.id)).activeReferrals).toBe(0);
      });

      it('keeps recorded keys across a reset of the data only as long as the data (a cleared store forgets them)', async () => {
        await store.create('Household', aHousehold({ villageId: net.villages[0].id }), claim('key-before-reset'));
        await factory.reset(store);
        expect(await store.findIdempotencyRecord('key-before-reset')).toBeNull();
      });
    });

    describe("the seed's record, and a seed that stopped part-way (issue 10 item 4)", () => {
      const run = (overrides: Partial<SeedRun> = {}): SeedRun => ({
        status: 'IN_PROGRESS',
        households: 30,
        seed: 11,
        batchSize: 10,
        stepsDone: 3,
        startedAt: '2026-11-27T08:00:00.000Z',
        updatedAt: '2026-11-27T08:00:05.000Z',
        completedAt: null,
        ...overrides,
      });
      const seedOptions = { households: 30, seed: 11, batchSize: 10, world: syntheticWorld() };

      it('has no record on a store that was never seeded (or was reset)', async () => {
        expect(await store.getSeedRun()).toBeNull();
      });

      it('returns the record as written, and replaces it', async () => {
        await store.putSeedRun(run());
        expect(await store.getSeedRun()).toEqual(run());
        const complete = run({ status: 'COMPLETE', stepsDone: 12, completedAt: '2026-11-27T08:01:00.000Z' });
        await store.putSeedRun(complete);
        expect(await store.getSeedRun()).toEqual(complete);
      });

      it('does not bump the version (caches hold no seed record)', async () => {
        const before = await store.version();
        await store.putSeedRun(run());
        expect(await store.version()).toBe(before);
      });

      it('refuses a record that is not a SeedRun', async () => {
        const error = await failure(store.putSeedRun({ ...run(), status: 'HALF' as never, stepsDone: -1 }));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(await store.getSeedRun()).toBeNull();
      });

      it('forgets the record when the store is reset', async () => {
        await store.putSeedRun(run());
        await factory.reset(store);
        expect(await store.getSeedRun()).toBeNull();
      });

      it('resumes a seed that failed part-way and completes it with the rows of an uninterrupted one', async () => {
        await factory.reset(store);
        // A store that fails its 5th bulk write, as a process killed mid-seed stops writing.
        let upserts = 0;
        const failing: SeedTarget = {
          upsertMany: (kind, rows) => {
            upserts += 1;
            return upserts === 5 ? Promise.reject(new Error('synthetic: killed mid-seed')) : store.upsertMany(kind, rows);
          },
          upsertCategories: (rows) => store.upsertCategories(rows),
          putSeedRun: (record) => store.putSeedRun(record),
        };
        await expect(seedStore(failing, seedOptions)).rejects.toThrow('killed mid-seed');
        const stopped = await store.getSeedRun();
        expect(stopped).toMatchObject({ status: 'IN_PROGRESS', households: 30, seed: 11, batchSize: 10, completedAt: null });
        expect(stopped!.stepsDone).toBeGreaterThan(0);
        expect((await store.list('Household', {}, { first: 1 })).totalCount).toBe(0);

        const lines: string[] = [];
        const counts = await seedIfEmpty(store, { households: 999, seed: 1, log: (line) => lines.push(line), world: seedOptions.world });

        expect(lines.join('\n')).toMatch(/INCOMPLETE.*resuming/);
        // What the same seed writes when nothing stops it (counted by a target that stores nothing).
        const uninterrupted = await seedStore(
          { upsertMany: async (_kind, rows) => ({ written: rows.length }), upsertCategories: async () => undefined, putSeedRun: async () => undefined },
          seedOptions,
        );
        expect(counts).toEqual(uninterrupted);
        expect(counts).toMatchObject({ Township: 11, Household: 30 });
        expect(await store.getSeedRun()).toMatchObject({ status: 'COMPLETE', households: 30, seed: 11 });
        for (const kind of ['Township', 'Village', 'Organization', 'Service', 'Person', 'Relationship', 'Household', 'Need'] as const) {
          expect([kind, (await store.list(kind, {}, { first: 1 })).totalCount]).toEqual([kind, counts?.[kind]]);
        }
        // Completed: the next start leaves it alone.
        expect(await seedIfEmpty(store, { ...seedOptions, log: () => undefined })).toBeNull();
      });
    });
  });
}

/** The real Dayi world the seed hangs rows on, loaded once per file. */
let world: SyntheticWorld | null = null;
function syntheticWorld(): SyntheticWorld {
  world ??= loadSyntheticWorld();
  return world;
}

type MutableKindName = Exclude<EntityKind, 'Referral' | 'AuditEvent'>;

/** The HuzhuError a call fails with; fails the test when it succeeds or throws something else. */
export async function failure(promise: Promise<unknown>): Promise<HuzhuError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HuzhuError) return error;
    throw new Error(`expected a HuzhuError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to fail, but it succeeded');
}

function codeOf(reason: unknown): ErrorCode | 'not a HuzhuError' {
  return reason instanceof HuzhuError ? reason.code : 'not a HuzhuError';
}
