import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../../src/store/GraphStore';
import { seedStore } from '../../src/seed/seedStore';
import { listAll } from '../../src/services/listAll';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { nonEmpty } from '../support/nonEmpty';

/**
 * Issue 15 item 3, liaisons' and volunteers' workload over HTTP on the synthetic seed: households, open needs and
 * referrals per person, paged; a coordinator sees only the people and households of its townships; need and
 * referral counts of 1–4 families are suppressed for everyone but an ADMIN.
 */
const WORKLOAD = `query($role: WorkloadRole, $t: ID, $first: Int, $after: String) { workload(role: $role, townshipId: $t, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { person { id roles } role villages { id } households openNeeds referrals suppressed }
} }`;

interface Row {
  person: { id: string; roles: string[] };
  role: 'LIAISON' | 'VOLUNTEER';
  villages: Array<{ id: string }>;
  households: number | null;
  openNeeds: number | null;
  referrals: number | null;
  suppressed: boolean;
}
interface WorkloadPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Row[];
}

describeEachStore('liaison and volunteer workload ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 2000, seed: 7 });
    server = await startTestServer(store);
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
  }, 180_000);
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  async function allPages(token: string, variables: Record<string, unknown> = {}): Promise<WorkloadPage & { pages: number }> {
    const nodes: Row[] = [];
    let after: string | null = null;
    let pages = 0;
    let totalCount = 0;
    for (;;) {
      const res: { data?: { workload: WorkloadPage } | null; errors?: unknown } = await server.gql<{ workload: WorkloadPage }>(WORKLOAD, { ...variables, first: 10, after }, token);
      expect(res.errors).toBeUndefined();
      const page: WorkloadPage = res.data!.workload;
      nodes.push(...page.nodes);
      totalCount = page.totalCount;
      pages++;
      if (!page.pageInfo.hasNextPage) return { totalCount, pageInfo: page.pageInfo, nodes, pages };
      after = page.pageInfo.endCursor;
    }
  }

  it("gives an ADMIN every liaison and volunteer with a village, paged by id, with exactly their villages' households and open needs", async () => {
    const all = await allPages(admin);
    const people = [...(await listAll(store, 'Person', { role: 'LIAISON' })), ...(await listAll(store, 'Person', { role: 'VOLUNTEER' }))].filter((p) => p.villageIds.length > 0);
    expect(all.pages).toBeGreaterThan(1);
    expect(all.totalCount).toBe(people.length);
    expect(all.nodes.map((n) => n.person.id)).toEqual(people.map((p) => p.id).sort());
    const households = await listAll(store, 'Household', {});
    const open = await listAll(store, 'Need', { status: 'OPEN' });
    for (const row of all.nodes) {
      const person = people.find((p) => p.id === row.person.id)!;
      expect(person.roles).toContain(row.role);
      expect(row.villages.map((v) => v.id)).toEqual(person.villageIds);
      const mine = new Set(households.filter((h) => person.villageIds.includes(h.villageId)).map((h) => h.id));
      expect(row.households).toBe(mine.size);
      expect(row.openNeeds).toBe(open.filter((n) => mine.has(n.householdId)).length);
      expect(row.referrals).toEqual(expect.any(Number));
      expect(row.suppressed).toBe(false);
    }
    expect(all.nodes.some((r) => r.openNeeds! > 0)).toBe(true);
    const volunteers = await allPages(admin, { role: 'VOLUNTEER' });
    expect(volunteers.nodes.length).toBeGreaterThan(0);
    expect(volunteers.nodes.every((r) => r.role === 'VOLUNTEER')).toBe(true);
  });

  it("counts a new referral of a household in a liaison's villages: N → N+1 for that liaison, no change for the others", async () => {
    const liaisons = (await listAll(store, 'Person', { role: 'LIAISON' })).filter((p) => p.villageIds.length > 0).sort((a, b) => a.id.localeCompare(b.id));
    const liaison = nonEmpty(liaisons, 'liaison')[0]!;
    const household = nonEmpty(await listAll(store, 'Household', { villageId: liaison.villageIds[0]! }), 'household in the village')[0]!;
    const counts = async () => new Map((await allPages(admin, { role: 'LIAISON' })).nodes.map((r) => [r.person.id, r.referrals!]));
    const before = await counts();
    // The first ACTIVE service with room that takes the referral (the API checks area and capacity).
    const services = (await listAll(store, 'Service', { status: 'ACTIVE' })).filter((s) => s.capacity === null || s.capacity > 0).sort((a, b) => a.id.localeCompare(b.id));
    let sent = false;
    for (const service of services) {
      const category = service.categories[0]!;
      const need = await server.gql<{ recordNeed: { id: string } }>(
        'mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }',
        { input: { householdId: household.id, category, urgency: 'MEDIUM', idempotencyKey: randomUUID() } },
        admin,
      );
      expect(need.errors).toBeUndefined();
      expect((await server.gql('mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', { input: { householdId: household.id, categories: [category] } }, admin)).errors).toBeUndefined();
      const referral = await server.gql(
        'mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }',
        { input: { needId: need.data!.recordNeed.id, serviceId: service.id, idempotencyKey: randomUUID() } },
        admin,
      );
      if (referral.errors === undefined) {
        sent = true;
        break;
      }
    }
    expect(sent).toBe(true);
    const after = await counts();
    expect(after.get(liaison.id)).toBe(before.get(liaison.id)! + 1);
    // Anyone else assigned to the household's village counts it too; nobody else's count moves.
    const sharers = new Set((await listAll(store, 'Person', { role: 'LIAISON' })).filter((p) => p.villageIds.includes(household.villageId)).map((p) => p.id));
    for (const [id, n] of after) expect([id, n]).toEqual([id, before.get(id)! + (sharers.has(id) ? 1 : 0)]);
  });

  it("cuts a coordinator's answer to its townships and suppresses need and referral counts of 1–4 families", async () => {
    const full = await allPages(admin);
    const villages = await listAll(store, 'Village', {});
    const townshipOf = new Map(villages.map((v) => [v.id, v.townshipId]));
    // The township whose people have the most small need cells, so the suppression is exercised.
    const byTownship = new Map<string, Row[]>();
    for (const row of full.nodes) {
      for (const t of new Set(row.villages.map((v) => townshipOf.get(v.id)!))) byTownship.set(t, [...(byTownship.get(t) ?? []), row]);
    }
    const small = (r: Row) => (r.openNeeds! >= 1 && r.openNeeds! <= 4) || (r.referrals! >= 1 && r.referrals! <= 4);
    const [township, rows] = [...byTownship.entries()].sort((a, b) => b[1].filter(small).length - a[1].filter(small).length)[0]!;
    expect(rows.filter(small).length).toBeGreaterThan(0);

    const coordinator = await server.token({ sub: 'test-coordinator', role: 'COORDINATOR', townships: [township] });
    const seen = await allPages(coordinator);
    expect(seen.nodes.map((r) => r.person.id).sort()).toEqual(rows.map((r) => r.person.id).sort());
    for (const row of seen.nodes) {
      const exact = rows.find((r) => r.person.id === row.person.id)!;
      expect(row.villages.every((v) => townshipOf.get(v.id) === township)).toBe(true);
      expect(row.households).toBe(exact.households); // registered households: shown, as in the coverage report
      for (const field of ['openNeeds', 'referrals'] as const) {
        const value = exact[field]!;
        expect(row[field]).toBe(value >= 1 && value <= 4 ? null : value);
      }
      expect(row.suppressed).toBe(small(exact));
    }
    // Another township asked for: nothing (not an error that tells whether it has people).
    const other = villages.find((v) => v.townshipId !== township)!.townshipId;
    expect((await allPages(coordinator, { t: other })).totalCount).toBe(0);
  });

  it('is refused to every role but ADMIN and COORDINATOR', async () => {
    for (const role of ['SOCIAL_WORKER', 'VOLUNTEER', 'DESIGNER'] as const) {
      const token = await server.token({ sub: `test-${role}`, role });
      expect((await server.gql(WORKLOAD, {}, token)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    const officer = nonEmpty(await listAll(store, 'Person', { role: 'CREDIT_OFFICER' }), 'officer')[0]!;
    const token = await server.token({ sub: 'test-co', role: 'CREDIT_OFFICER', person: officer.id });
    expect((await server.gql(WORKLOAD, {}, token)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
