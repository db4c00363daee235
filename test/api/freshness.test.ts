import { randomUUID } from 'node:crypto';
import { seedStore } from '../../src/seed/seedStore';
import type { GraphStore } from '../../src/store/GraphStore';
import { aService } from '../support/builders';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 14 item 4 over HTTP: a service not confirmed within STALE_AFTER_DAYS
 * is flagged stale in the directory and in match answers, listed for the
 * organisation that keeps it, and confirmed in one action. Dates are relative
 * to today (the server's clock).
 */
const STATION = 'org_station-510129001000';
const STATION_SERVICE = 'svc_station-510129001000-social-work';
const VILLAGE = 'vil_510129001002';
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const SERVICE = 'query($id: ID!) { node(id: $id) { ... on Service { id stale staleSince confirmedOn confirmedBy } } }';
const STALE = 'query { staleServices(first: 100) { totalCount nodes { id organization { id } stale } } }';
const CONFIRM = 'mutation($id: ID!) { confirmService(id: $id) { id stale staleSince confirmedOn confirmedBy } }';

describeEachStore('stale services ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.['code'];
  // Synthetic services of the station: one confirmed 100 days ago (stale at 90), one 10 days ago (fresh).
  const old = aService({ organizationId: STATION, categories: ['ELDERLY_CARE'], name: '合成：上门助浴（synthetic）', confirmedOn: daysAgo(100), confirmedBy: 'acc_synthetic' });
  const recent = aService({ organizationId: STATION, categories: ['ELDERLY_CARE'], name: '合成：助餐（synthetic）', confirmedOn: daysAgo(10), confirmedBy: 'acc_synthetic' });

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 30, seed: 14 });
    await store.upsertMany('Service', [old, recent]);
    server = await startTestServer(store, { STALE_AFTER_DAYS: '90' });
    tokens['NGO'] = await server.token({ sub: 'acc_ngo-staff', role: 'PARTNER_NGO', org: STATION });
    tokens['OTHER_NGO'] = await server.token({ sub: 'acc_other-ngo', role: 'PARTNER_NGO', org: 'org_station-510129101000' });
    tokens['COORDINATOR'] = await server.token({ sub: 'acc_coordinator', role: 'COORDINATOR', townships: ['twp_510129001000'] });
    tokens['ADMIN'] = await server.token({ sub: 'acc_admin', role: 'ADMIN' });
    tokens['SOCIAL_WORKER'] = await server.token({ sub: 'acc_sw', role: 'SOCIAL_WORKER', villages: [VILLAGE] });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  it('flags a service in the public directory by STALE_AFTER_DAYS (90 here): stale since confirmedOn + 90', async () => {
    const stale = await server.gql<{ node: Record<string, unknown> }>(SERVICE, { id: old.id });
    expect(stale.data!.node).toEqual({ id: old.id, stale: true, staleSince: daysAgo(10), confirmedOn: daysAgo(100), confirmedBy: 'acc_synthetic' });
    const fresh = await server.gql<{ node: Record<string, unknown> }>(SERVICE, { id: recent.id });
    expect(fresh.data!.node).toMatchObject({ stale: false, staleSince: null });
  });

  it("lists a partner NGO's own stale services only, and a coordinator's township's", async () => {
    const own = await server.gql<{ staleServices: { totalCount: number; nodes: Array<{ id: string; organization: { id: string }; stale: boolean }> } }>(STALE, {}, tokens['NGO']);
    expect(own.errors).toBeUndefined();
    const ids = own.data!.staleServices.nodes.map((n) => n.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(recent.id);
    expect(own.data!.staleServices.nodes.every((n) => n.organization.id === STATION && n.stale)).toBe(true);
    const other = await server.gql<{ staleServices: { nodes: Array<{ id: string }> } }>(STALE, {}, tokens['OTHER_NGO']);
    expect(other.data!.staleServices.nodes.map((n) => n.id)).not.toContain(old.id);
    const coordinator = await server.gql<{ staleServices: { nodes: Array<{ id: string }> } }>(STALE, {}, tokens['COORDINATOR']);
    expect(coordinator.data!.staleServices.nodes.map((n) => n.id)).toContain(old.id);
    expect(codeOf(await server.gql(STALE, {}, tokens['SOCIAL_WORKER']))).toBe('FORBIDDEN');
  });

  it('marks a stale service in the match explanation', async () => {
    const needId = await aNeedNearTheStation();
    const MATCH = 'query($needId: ID!) { matchNeed(needId: $needId, limit: 10) { ... on Matched { matches { service { id } stale confirmedOn } } } }';
    const res = await server.gql<{ matchNeed: { matches: Array<{ service: { id: string }; stale: boolean; confirmedOn: string | null }> } }>(MATCH, { needId }, tokens['ADMIN']);
    expect(res.errors).toBeUndefined();
    const byId = new Map(res.data!.matchNeed.matches.map((m) => [m.service.id, m]));
    expect(byId.get(old.id)).toMatchObject({ stale: true, confirmedOn: daysAgo(100) });
    expect(byId.get(recent.id)).toMatchObject({ stale: false, confirmedOn: daysAgo(10) });
  });

  it('confirms in one action: today, by the caller; then it leaves the list', async () => {
    const res = await server.gql<{ confirmService: Record<string, unknown> }>(CONFIRM, { id: old.id }, tokens['NGO']);
    expect(res.errors).toBeUndefined();
    expect(res.data!.confirmService).toEqual({ id: old.id, stale: false, staleSince: null, confirmedOn: daysAgo(0), confirmedBy: 'acc_ngo-staff' });
    const own = await server.gql<{ staleServices: { nodes: Array<{ id: string }> } }>(STALE, {}, tokens['NGO']);
    expect(own.data!.staleServices.nodes.map((n) => n.id)).not.toContain(old.id);
  });

  it("refuses to confirm another organisation's service (FORBIDDEN), and a role that keeps no services", async () => {
    expect(codeOf(await server.gql(CONFIRM, { id: STATION_SERVICE }, tokens['OTHER_NGO']))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(CONFIRM, { id: STATION_SERVICE }, tokens['SOCIAL_WORKER']))).toBe('FORBIDDEN');
    const [unchanged] = await store.getMany('Service', [STATION_SERVICE]);
    expect(unchanged?.confirmedBy ?? null).not.toBe('acc_other-ngo');
  });

  // Last: a second server on the same store (a pause the first server's idle keep-alive sockets would not survive).
  it('follows the configured period: the 100-day-old confirmation is fresh under the default 180 days', async () => {
    const defaults = await startTestServer(store);
    try {
      expect((await defaults.gql<{ node: Record<string, unknown> }>(SERVICE, { id: recent.id })).data!.node).toMatchObject({ stale: false });
      const other = aService({ organizationId: STATION, categories: ['ELDERLY_CARE'], name: '合成：送药（synthetic）', confirmedOn: daysAgo(100) });
      await store.upsertMany('Service', [other]);
      expect((await defaults.gql<{ node: Record<string, unknown> }>(SERVICE, { id: other.id })).data!.node).toMatchObject({ stale: false, staleSince: null });
      expect((await server.gql<{ node: Record<string, unknown> }>(SERVICE, { id: other.id })).data!.node).toMatchObject({ stale: true, staleSince: daysAgo(10) });
    } finally {
      await defaults.stop();
    }
  });

  async function aNeedNearTheStation(): Promise<string> {
    const h = await server.gql<{ registerHousehold: { id: string } }>(
      'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }',
      { input: { villageId: VILLAGE, size: 1, memberAgeBands: ['AGE_80_PLUS'], markers: ['SOLITARY_ELDERLY'], head: { name: '合成户主（synthetic）' } } },
      tokens['ADMIN'],
    );
    const householdId = h.data!.registerHousehold.id;
    await server.gql('mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', { input: { householdId, categories: ['ELDERLY_CARE'] } }, tokens['ADMIN']);
    const n = await server.gql<{ recordNeed: { id: string } }>(
      'mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }',
      { input: { householdId, category: 'ELDERLY_CARE', urgency: 'HIGH', idempotencyKey: randomUUID() } },
      tokens['ADMIN'],
    );
    return n.data!.recordNeed.id;
  }
});
