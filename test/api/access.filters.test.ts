import type { GraphStore } from '../../src/store/GraphStore';
import { aHousehold } from '../support/builders';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { accessWorld, post, spyOn, storeAccessWorld, tokensFor, viewersOf, type RawResponse, type SpyStore } from './accessWorld';

/**
 * Issue 10, item 1: a filter, sort or count on a field is a read of that
 * field. The black-box findings, replayed: a volunteer (who may not read
 * markers or age bands) filtering households by marker or age band, and an
 * ADMIN or COORDINATOR doing so for REPORTING, is refused FORBIDDEN naming
 * the argument, before any store call; rankings and matches by sensitive
 * fields the same; the designed aggregates (coverage, small cells
 * suppressed) keep answering. All data synthetic.
 */
const world = accessWorld();
const { v1 } = world.villages;
// A 特困 household in V1 beside the world's hhA (低保, 残疾证), so a marker filter would have something to disclose.
const tekun = aHousehold({ villageId: v1.id, markers: ['TEKUN', 'SERIOUS_ILLNESS'], memberAgeBands: ['AGE_0_3', 'AGE_18_59'], head: { name: 'CANARY-NAME-tekun', phone: null, idNumber: null } });

const BY_FILTER = `query($filter: HouseholdFilter) {
  households(first: 100, filter: $filter) { totalCount nodes { id markers head { name } } }
}`;
const codes = (res: RawResponse) => (res.json?.errors ?? []).map((e) => e.extensions?.['code']);

describeEachStore('filters, sorts and counts on sensitive fields ($name store)', (adapter) => {
  let store: GraphStore;
  let spy: SpyStore;
  let server: TestServer;
  let tokens: Map<string, string | null>;
  const as = (name: string) => tokens.get(name) ?? null;

  beforeAll(async () => {
    store = await adapter.open();
    await storeAccessWorld(store, world);
    await store.upsertMany('Household', [tekun]);
    spy = spyOn(store);
    server = await startTestServer(spy.store);
    tokens = await tokensFor(server, viewersOf(world));
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  /** The request, with the store calls it made. */
  async function ask(viewer: string, query: string, variables: Record<string, unknown>, purpose?: string) {
    spy.calls.length = 0;
    const res = await post(server, query, { token: as(viewer), variables, ...(purpose ? { purpose } : {}) });
    return { res, calls: [...spy.calls] };
  }

  it.each([
    ['marker', 'TEKUN'],
    ['marker', 'DISABILITY_CERTIFICATE'],
    ['marker', 'SERIOUS_ILLNESS'],
    ['ageBand', 'AGE_0_3'],
  ])("refuses a volunteer's households filter on %s: %s, naming the argument, before any store call", async (field, value) => {
    const { res, calls } = await ask('VOLUNTEER_V1', BY_FILTER, { filter: { villageId: v1.id, [field]: value } });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.json?.errors?.[0]?.extensions?.['fieldPath']).toEqual(['filter', field]);
    expect(res.json?.data ?? null).toBeNull();
    expect(calls).toEqual([]);
    expect(res.text).not.toContain(tekun.id);
    // …while the same list without that filter still answers, markers withheld.
    const unfiltered = await ask('VOLUNTEER_V1', BY_FILTER, { filter: { villageId: v1.id } });
    expect(unfiltered.res.json?.errors).toBeUndefined();
    const page = (unfiltered.res.json?.data as { households: { totalCount: number; nodes: Array<{ id: string; markers: unknown }> } }).households;
    expect(page.nodes.map((n) => n.id).sort()).toEqual([world.households.hhA.id, tekun.id].sort());
    expect(page.nodes.every((n) => n.markers === null)).toBe(true);
  });

  it.each(['ADMIN', 'COORDINATOR_T1'])('refuses %s the same filters for REPORTING, and allows them for case management', async (viewer) => {
    for (const filter of [{ marker: 'TEKUN' }, { marker: 'DISABILITY_CERTIFICATE' }, { ageBand: 'AGE_0_3' }]) {
      const refused = await ask(viewer, BY_FILTER, { filter: { villageId: v1.id, ...filter } }, 'REPORTING');
      expect(codes(refused.res)).toEqual(['FORBIDDEN']);
      expect(refused.res.json?.errors?.[0]?.extensions?.['fieldPath']).toEqual(['filter', Object.keys(filter)[0]]);
      expect(refused.calls).toEqual([]);
    }
    const allowed = await ask(viewer, BY_FILTER, { filter: { villageId: v1.id, marker: 'TEKUN' } });
    expect(allowed.res.json?.errors).toBeUndefined();
    const page = (allowed.res.json?.data as { households: { totalCount: number; nodes: Array<{ id: string; markers: string[] }> } }).households;
    expect(page.nodes.map((n) => n.id)).toEqual([tekun.id]);
    expect(page.totalCount).toBe(1);
    expect(page.nodes[0]?.markers).toContain('TEKUN');
  });

  it('refuses a ranking by vulnerability for REPORTING (a ranking is a read of the score), not for case management', async () => {
    const query = '{ mostVulnerableHouseholds(limit: 5) { id } }';
    const refused = await ask('COORDINATOR_T1', query, {}, 'REPORTING');
    expect(codes(refused.res)).toEqual(['FORBIDDEN']);
    expect(refused.res.json?.errors?.[0]?.message).toContain('Household.vulnerabilityScore');
    expect(refused.calls).toEqual([]);
    const allowed = await ask('COORDINATOR_T1', query, {});
    expect(allowed.res.json?.errors).toBeUndefined();
  });

  it('refuses matching on eligibility markers for REPORTING, before the need is read', async () => {
    const query = 'query($n: ID!) { matchNeed(needId: $n) { __typename } }';
    const refused = await ask('ADMIN', query, { n: world.needs.needA.id }, 'REPORTING');
    expect(codes(refused.res)).toEqual(['FORBIDDEN']);
    expect(refused.calls).toEqual([]);
    const allowed = await ask('ADMIN', query, { n: world.needs.needA.id });
    expect(allowed.res.json?.errors).toBeUndefined();
  });

  it('refuses planAllocations (most vulnerable first) for SERVICE_DESIGN before anything is written', async () => {
    const { res, calls } = await ask('ADMIN', 'mutation { planAllocations(input: { commit: false }) { needsConsidered } }', {}, 'SERVICE_DESIGN');
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(calls).toEqual([]);
  });

  it('keeps the designed aggregates: coverage answers every role, with small cells suppressed for REPORTING as for a designer', async () => {
    const query = '{ coverage { summary { householdsTotal suppressed } } }';
    const asCase = await ask('ADMIN', query, {});
    const asReport = await ask('ADMIN', query, {}, 'REPORTING');
    const asDesigner = await ask('DESIGNER', query, {});
    for (const { res } of [asCase, asReport, asDesigner]) expect(res.json?.errors).toBeUndefined();
    const summary = (r: RawResponse) => (r.json?.data as { coverage: { summary: { householdsTotal: number | null; suppressed: boolean } } }).coverage.summary;
    expect(summary(asCase.res)).toEqual({ householdsTotal: 3, suppressed: false });
    // Three synthetic families: fewer than five, so withheld when the purpose is not case work.
    expect(summary(asReport.res)).toEqual({ householdsTotal: null, suppressed: true });
    expect(summary(asDesigner.res)).toEqual(summary(asReport.res));
  });
});
