import type { Household } from '../../src/domain/model';
import { seedStore } from '../../src/seed/seedStore';
import { listAll } from '../../src/services/listAll';
import type { GraphStore } from '../../src/store/GraphStore';
import { aPlan, aReferralFor, anAccount, anAlert, anAssistance, anAuditEvent } from '../support/builders';
import { nonEmpty } from '../support/nonEmpty';
import { pageCountTally, type PageRead } from '../support/pageCountTally';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 13 item 1 over HTTP: every list that answers a connection with
 * totalCount asks the store to count only when the query selects totalCount
 * (directly, through a fragment, under an alias). The store is wrapped so each
 * paged read says whether it asked for a count (test/support/pageCountTally);
 * when totalCount is selected it is still the store's count. On a synthetic
 * seed (30 households), plus a few synthetic accounts, plans, alerts, audit
 * events, referrals and assistances written through the port.
 */
const TOWNSHIP = 'twp_510129001000';
const STATION = 'org_station-510129001000';
const SERVICE = 'svc_station-510129001000-social-work';

type Family = {
  name: string;
  role: 'ADMIN' | 'COORDINATOR' | 'PARTNER_NGO' | 'CREDIT_OFFICER';
  /** The query with `%` where the connection's selection goes (nodes { id } is added). */
  query: string;
  /** The paged reads the counted form must count (method or list(kind)). */
  counts: string[];
  /** The totalCount(s) the counted form must answer, read from the store directly, in the order they appear. */
  expected: (store: GraphStore) => Promise<number[]>;
};

const readName = (r: PageRead) => (r.method === 'list' ? `list(${r.kind as string})` : r.method);

/** Every totalCount in an answer, depth first, in the order the fields appear. */
function totalsIn(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(totalsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'totalCount' || key === 'counted' ? [v as number] : totalsIn(v)));
}

const total = async (page: Promise<{ totalCount: number }>) => (await page).totalCount;

describeEachStore('list pages count only when the query selects totalCount ($name store)', (adapter) => {
  let store: GraphStore;
  let tally: ReturnType<typeof pageCountTally>;
  let server: TestServer;
  let officerId: string;
  let borrower: Household;
  const tokens: Partial<Record<Family['role'], string>> = {};

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 30, seed: 15 });
    // Synthetic records of the kinds the seed does not write.
    const needs = nonEmpty(await listAll(store, 'Need'), 'need');
    const [service] = await store.getMany('Service', [SERVICE]);
    for (const need of needs.slice(0, 3)) {
      const { referral } = await store.createReferral(aReferralFor(need, service!));
      await store.create('Assistance', anAssistance({ needId: need.id, referralId: referral.id }));
    }
    for (let i = 0; i < 3; i += 1) {
      await store.createAccount(anAccount());
      await store.createPlan(aPlan());
      await store.recordAlert(anAlert({ townshipId: TOWNSHIP }));
      await store.appendAudit(anAuditEvent());
    }
    borrower = nonEmpty((await listAll(store, 'Household')).filter((h) => h.loan?.creditOfficerId), 'borrower')[0]!;
    officerId = borrower.loan!.creditOfficerId;
    tally = pageCountTally(store);
    server = await startTestServer(tally.store);
    tokens.ADMIN = await server.token({ sub: 'acc_test-admin', role: 'ADMIN' });
    tokens.COORDINATOR = await server.token({ sub: 'acc_test-coordinator', role: 'COORDINATOR', townships: [TOWNSHIP] });
    tokens.PARTNER_NGO = await server.token({ sub: 'acc_test-ngo', role: 'PARTNER_NGO', org: STATION });
    tokens.CREDIT_OFFICER = await server.token({ sub: 'acc_test-credit-officer', role: 'CREDIT_OFFICER', person: officerId });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  const families: Family[] = [
    {
      name: 'places: townships, villages, Township.villages',
      role: 'ADMIN',
      query: `{ townships(first: 2) { % } villages(first: 2) { % } t: townships(filter: { kind: TOWN }, first: 1) { nodes { villages(first: 2) { % } } } }`,
      counts: ['list(Township)', 'list(Village)', 'list(Village)'],
      expected: async (s) => {
        const [town] = (await s.list('Township', { kind: 'TOWN' }, { first: 1 })).items;
        return [await total(s.list('Township', {}, { first: 1 })), await total(s.list('Village', {}, { first: 1 })), await total(s.list('Village', { townshipId: town!.id }, { first: 1 }))];
      },
    },
    {
      name: 'network: organizations, services, people, relationships and the nested lists',
      role: 'ADMIN',
      query: `{ organizations(first: 1, filter: { townshipId: "${TOWNSHIP}" }) { % nodes { services(first: 1) { % } relationships(first: 1) { % } } }
                services(first: 2) { % } people(first: 1) { % nodes { relationships(first: 1) { % } } } relationships(first: 2) { % } }`,
      counts: ['list(Organization)', 'list(Service)', 'list(Relationship)', 'list(Service)', 'list(Person)', 'list(Relationship)', 'list(Relationship)'],
      expected: async (s) => {
        const org = (await s.list('Organization', { townshipId: TOWNSHIP }, { first: 1 })).items[0]!;
        const person = (await s.list('Person', {}, { first: 1 })).items[0]!;
        return [
          await total(s.list('Organization', { townshipId: TOWNSHIP }, { first: 1 })),
          await total(s.list('Service', { organizationId: org.id }, { first: 1 })),
          await total(s.list('Relationship', { nodeId: org.id }, { first: 1 })),
          await total(s.list('Service', {}, { first: 1 })),
          await total(s.list('Person', {}, { first: 1 })),
          await total(s.list('Relationship', { nodeId: person.id }, { first: 1 })),
          await total(s.list('Relationship', {}, { first: 1 })),
        ];
      },
    },
    {
      name: 'referrals and assistances',
      role: 'ADMIN',
      query: '{ referrals(first: 2) { % } assistances(first: 2) { % } }',
      counts: ['list(Referral)', 'list(Assistance)'],
      expected: async (s) => [await total(s.list('Referral', {}, { first: 1 })), await total(s.list('Assistance', {}, { first: 1 }))],
    },
    {
      name: 'audit events',
      role: 'ADMIN',
      query: '{ auditEvents(first: 2) { % } }',
      counts: ['list(AuditEvent)'],
      expected: async (s) => [await total(s.list('AuditEvent', {}, { first: 1 }))],
    },
    {
      name: 'accounts',
      role: 'ADMIN',
      query: '{ accounts(first: 2) { % } }',
      counts: ['listAccounts'],
      expected: async (s) => [await total(s.listAccounts({ first: 1 }))],
    },
    {
      name: 'saved plans',
      role: 'ADMIN',
      query: '{ plans(first: 2) { % } }',
      counts: ['listPlans'],
      expected: async (s) => [await total(s.listPlans({ first: 1 }))],
    },
    {
      name: 'pushed alerts (totalCount and unreadCount are one count)',
      role: 'COORDINATOR',
      query: '{ myAlerts(first: 2) { % } }',
      counts: ['listAlerts'],
      expected: async (s) => [await total(s.listAlerts({ scope: { townshipIds: [TOWNSHIP], villageIds: [] }, readerId: 'acc_test-coordinator', unreadOnly: false }, { first: 1 }))],
    },
    {
      name: "a credit officer's borrowers",
      role: 'CREDIT_OFFICER',
      query: '{ myBorrowers(first: 2) { % } }',
      counts: ['list(Household)'],
      expected: async (s) => [await total(s.list('Household', { creditOfficerId: officerId }, { first: 1 }))],
    },
    {
      name: 'households, needs and Household.needs',
      role: 'ADMIN',
      query: '{ households(first: 2) { % } needs(first: 2) { % } household: households(first: 1, filter: { villageId: "@" }) { nodes { needs(first: 2) { % } } } }',
      counts: ['list(Household)', 'list(Need)', 'list(Need)'],
      expected: async (s) => [
        await total(s.list('Household', {}, { first: 1 })),
        await total(s.list('Need', {}, { first: 1 })),
        await total(s.list('Need', { householdId: (await s.list('Household', { villageId: borrower.villageId }, { first: 1 })).items[0]!.id }, { first: 1 })),
      ],
    },
  ];

  const ask = async (family: Family, selection: string) => {
    const query = family.query.replaceAll('"@"', JSON.stringify(borrower.villageId)).replaceAll('%', `${selection} nodes { id }`);
    tally.take();
    const res = await server.gql(query, undefined, tokens[family.role]);
    expect(res.errors).toBeUndefined();
    return { data: res.data, reads: tally.take() };
  };

  describe.each(families)('$name', (family) => {
    it('asks no count when the query does not select totalCount', async () => {
      const { reads } = await ask(family, '');
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.filter((r) => r.counted).map(readName)).toEqual([]);
    });

    it('counts, and answers the store count, when it does (also under an alias)', async () => {
      const expected = await family.expected(store);
      for (const selection of ['totalCount', 'counted: totalCount']) {
        const { data, reads } = await ask(family, selection);
        expect(reads.filter((r) => r.counted).map(readName).sort()).toEqual([...family.counts].sort());
        expect(totalsIn(data)).toEqual(expected);
      }
    });
  });

  it('counts through a named fragment and an inline fragment, and not when the fragment leaves it out', async () => {
    const counted = await server.gql('query { townships(first: 1) { ...Page } villages(first: 1) { ... on VillageConnection { totalCount } } } fragment Page on TownshipConnection { nodes { id } totalCount }', undefined, tokens.ADMIN);
    expect(counted.errors).toBeUndefined();
    const reads = tally.take();
    expect(reads.filter((r) => r.counted).map(readName).sort()).toEqual(['list(Township)', 'list(Village)']);
    expect(totalsIn(counted.data)).toEqual([await total(store.list('Township', {}, { first: 1 })), await total(store.list('Village', {}, { first: 1 }))]);

    const uncounted = await server.gql('query { townships(first: 1) { ...Page } } fragment Page on TownshipConnection { nodes { id } }', undefined, tokens.ADMIN);
    expect(uncounted.errors).toBeUndefined();
    expect(tally.take().filter((r) => r.counted)).toEqual([]);
  });

  it("keeps a restricted role's counts its own: a PARTNER_NGO's referral totalCount is the referrals it may see", async () => {
    const res = await server.gql<{ referrals: { totalCount: number; nodes: Array<{ id: string }> } }>('{ referrals(first: 100) { totalCount nodes { id } } }', undefined, tokens.PARTNER_NGO);
    expect(res.errors).toBeUndefined();
    const page = res.data!.referrals;
    expect(page.totalCount).toBe(page.nodes.length);
    expect(page.totalCount).toBe(await total(store.list('Referral', { organizationId: STATION }, { first: 1 })));
    expect(page.totalCount).toBeGreaterThan(0);
  });

  it('counts alerts when the query selects unreadCount alone (one count gives both)', async () => {
    tally.take();
    const res = await server.gql<{ myAlerts: { unreadCount: number } }>('{ myAlerts(first: 1) { unreadCount nodes { id } } }', undefined, tokens.COORDINATOR);
    expect(res.errors).toBeUndefined();
    expect(tally.take().filter((r) => r.counted).map(readName)).toEqual(['listAlerts']);
    const stored = await store.listAlerts({ scope: { townshipIds: [TOWNSHIP], villageIds: [] }, readerId: 'acc_test-coordinator', unreadOnly: false }, { first: 1 });
    expect(res.data!.myAlerts.unreadCount).toBe(stored.unreadCount);
    expect(stored.unreadCount).toBeGreaterThan(0);
  });
});
