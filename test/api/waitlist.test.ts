import type { Need, Service } from '../../src/domain/model';
import type { GraphStore } from '../../src/store/GraphStore';
import { aHousehold, aNeed, aReferralFor, smallNetwork, storeNetwork, type SmallNetwork } from '../support/builders';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 14 item 3 through the API: a coordinator puts a need on a full
 * service's waiting list (explicit, idempotent), sees each need's position, a
 * release offers the unit to the first need, which the coordinator confirms by
 * sending the referral; Service.capacityStatus speaks HL7 SDOHCC; staff only,
 * within scope. All records are synthetic.
 */
const JOIN = 'mutation($need: ID!, $service: ID!, $key: String) { joinWaitlist(needId: $need, serviceId: $service, idempotencyKey: $key) { created entry { status position joinedAt service { id } need { id } } } }';
const LEAVE = 'mutation($need: ID!, $service: ID!) { leaveWaitlist(needId: $need, serviceId: $service) { status } }';
const LIST = 'query($service: ID!, $first: Int, $after: String) { waitlist(serviceId: $service, first: $first, after: $after) { totalCount waitingCount pageInfo { hasNextPage endCursor } nodes { status position offerExpiresAt need { id } } } }';
const NEED = 'query($id: ID!) { node(id: $id) { ... on Need { waitlistEntries { service { id } position status joinedAt } } } }';
const STATUS = 'query($id: ID!) { node(id: $id) { ... on Service { capacityStatus } } }';
const REFER = 'mutation($need: ID!, $service: ID!, $key: String!) { createReferral(input: { needId: $need, serviceId: $service, idempotencyKey: $key, consentOverrideReason: "synthetic test: consent recorded on paper" }) { created referral { id } } }';
const CANCEL = 'mutation($id: ID!) { updateReferralStatus(input: { referralId: $id, status: CANCELLED, reason: DECLINED_BY_FAMILY }) { status } }';

describeEachStore('waiting lists through the API ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let net: SmallNetwork;
  let full: Service;
  let holders: string[];
  /** MEDICAL needs of households in the coordinator's first village, of these urgencies and vulnerabilities. */
  let waiting: { low: Need; high: Need; critical: Need; outsider: Need };
  const tokens: Record<string, string> = {};
  const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.['code'];

  beforeAll(async () => {
    store = await adapter.open();
    net = smallNetwork();
    await storeNetwork(store, net);
    full = net.services[0]; // NGO, MEDICAL, capacity 2
    const village = net.villages[0].id;
    const families = [0, 1, 2, 3, 4, 5].map((i) => aHousehold({ villageId: village, vulnerabilityScore: i }));
    await store.upsertMany('Household', families);
    const needOf = (i: number, urgency: Need['urgency']) => aNeed({ householdId: (families[i] as { id: string }).id, category: 'MEDICAL', urgency });
    const fillers = [needOf(0, 'LOW'), needOf(1, 'LOW')];
    waiting = { low: needOf(2, 'LOW'), high: needOf(3, 'HIGH'), critical: needOf(4, 'CRITICAL'), outsider: needOf(5, 'CRITICAL') };
    await store.upsertMany('Need', [...fillers, ...Object.values(waiting)]);
    holders = [];
    for (const need of fillers) holders.push((await store.createReferral(aReferralFor(need, full))).referral.id);
    server = await startTestServer(store);
    tokens['COORDINATOR'] = await server.token({ sub: 'test-coord', role: 'COORDINATOR', townships: [net.townships[0].id] });
    tokens['OTHER_COORDINATOR'] = await server.token({ sub: 'test-coord-2', role: 'COORDINATOR', townships: [net.townships[1].id] });
    tokens['VOLUNTEER'] = await server.token({ sub: 'test-vol', role: 'VOLUNTEER', villages: [net.villages[0].id] });
    tokens['PARTNER'] = await server.token({ sub: 'per_partner', role: 'PARTNER_NGO', org: full.organizationId });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  it('speaks HL7 SDOHCC capacity: CAPACITY with a place free, WAITLIST when full, NO_CAPACITY for a service taking no referrals; public', async () => {
    const of = async (id: string) => ((await server.gql<{ node: { capacityStatus: string } }>(STATUS, { id })).data?.node.capacityStatus);
    expect(await of(full.id)).toBe('WAITLIST');
    expect(await of(net.services[1].id)).toBe('CAPACITY'); // no stated limit
    expect(await of(net.services[2].id)).toBe('NO_CAPACITY'); // PLANNED
  });

  it('joins a need once and shows each need its position; a more urgent need goes ahead', async () => {
    const first = await server.gql<{ joinWaitlist: { created: boolean; entry: Record<string, unknown> } }>(JOIN, { need: waiting.low.id, service: full.id, key: 'join-low-0001' }, tokens['COORDINATOR']);
    expect(first.errors).toBeUndefined();
    expect(first.data?.joinWaitlist).toMatchObject({ created: true, entry: { status: 'WAITING', position: 1, service: { id: full.id }, need: { id: waiting.low.id } } });
    const again = await server.gql<{ joinWaitlist: { created: boolean; entry: Record<string, unknown> } }>(JOIN, { need: waiting.low.id, service: full.id, key: 'join-low-0002' }, tokens['COORDINATOR']);
    expect(again.data?.joinWaitlist).toEqual({ created: false, entry: first.data?.joinWaitlist.entry });

    await server.gql(JOIN, { need: waiting.high.id, service: full.id }, tokens['COORDINATOR']);
    const positions = async (need: Need) =>
      (await server.gql<{ node: { waitlistEntries: Array<{ service: { id: string }; position: number | null }> } }>(NEED, { id: need.id }, tokens['COORDINATOR'])).data?.node.waitlistEntries;
    expect(await positions(waiting.high)).toEqual([expect.objectContaining({ service: { id: full.id }, position: 1, status: 'WAITING' })]);
    expect(await positions(waiting.low)).toEqual([expect.objectContaining({ service: { id: full.id }, position: 2, status: 'WAITING' })]);
  });

  it('refuses a join while the service has a free place, naming serviceId', async () => {
    const res = await server.gql(JOIN, { need: waiting.critical.id, service: net.services[1].id }, tokens['COORDINATOR']);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', fieldPath: ['serviceId'] });
    expect(res.errors?.[0]?.message).toMatch(/空位/);
  });

  it('offers a released unit to the first need; another need is refused it; the coordinator confirms by sending the referral', async () => {
    await server.gql(JOIN, { need: waiting.critical.id, service: full.id }, tokens['COORDINATOR']);
    expect((await server.gql(CANCEL, { id: holders[0] }, tokens['COORDINATOR'])).errors).toBeUndefined();
    const list = await server.gql<{ waitlist: { totalCount: number; waitingCount: number; nodes: Array<{ status: string; position: number | null; offerExpiresAt: string | null; need: { id: string } }> } }>(
      LIST,
      { service: full.id },
      tokens['COORDINATOR'],
    );
    expect(list.data?.waitlist).toMatchObject({ totalCount: 3, waitingCount: 2 });
    expect(list.data?.waitlist.nodes.map((n) => [n.need.id, n.status, n.position])).toEqual([
      [waiting.critical.id, 'OFFERED', null],
      [waiting.high.id, 'WAITING', 1],
      [waiting.low.id, 'WAITING', 2],
    ]);
    expect(list.data?.waitlist.nodes[0]?.offerExpiresAt).not.toBeNull();
    expect(codeOf(await server.gql(REFER, { need: waiting.outsider.id, service: full.id, key: 'refer-outsider-1' }, tokens['COORDINATOR']))).toBe('CAPACITY_EXHAUSTED');
    const confirmed = await server.gql<{ createReferral: { created: boolean } }>(REFER, { need: waiting.critical.id, service: full.id, key: 'refer-critical-1' }, tokens['COORDINATOR']);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.createReferral.created).toBe(true);
    const after = await server.gql<{ waitlist: { totalCount: number } }>(LIST, { service: full.id }, tokens['COORDINATOR']);
    expect(after.data?.waitlist.totalCount).toBe(2);
  });

  it('pages the list in its order', async () => {
    const page1 = await server.gql<{ waitlist: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ need: { id: string } }> } }>(LIST, { service: full.id, first: 1 }, tokens['COORDINATOR']);
    expect(page1.data?.waitlist.nodes.map((n) => n.need.id)).toEqual([waiting.high.id]);
    expect(page1.data?.waitlist.pageInfo.hasNextPage).toBe(true);
    const page2 = await server.gql<{ waitlist: { pageInfo: { hasNextPage: boolean }; nodes: Array<{ need: { id: string } }> } }>(
      LIST,
      { service: full.id, first: 1, after: page1.data?.waitlist.pageInfo.endCursor },
      tokens['COORDINATOR'],
    );
    expect(page2.data?.waitlist.nodes.map((n) => n.need.id)).toEqual([waiting.low.id]);
    expect(page2.data?.waitlist.pageInfo.hasNextPage).toBe(false);
  });

  it('shows another township’s coordinator only the count, never the families; volunteers and partner NGOs get nothing', async () => {
    const other = await server.gql<{ waitlist: { totalCount: number; nodes: unknown[] } }>(LIST, { service: full.id }, tokens['OTHER_COORDINATOR']);
    expect(other.errors).toBeUndefined();
    expect(other.data?.waitlist).toMatchObject({ totalCount: 2, nodes: [] });
    expect(codeOf(await server.gql(JOIN, { need: waiting.outsider.id, service: full.id }, tokens['OTHER_COORDINATOR']))).toBe('NOT_FOUND');
    for (const who of ['VOLUNTEER', 'PARTNER']) {
      expect(codeOf(await server.gql(LIST, { service: full.id }, tokens[who]))).toBe('FORBIDDEN');
      expect(codeOf(await server.gql(JOIN, { need: waiting.outsider.id, service: full.id }, tokens[who]))).toBe('FORBIDDEN');
    }
    expect(codeOf(await server.gql(LIST, { service: full.id }))).toBe('UNAUTHENTICATED');
    // A volunteer may see the need (its village) but not that the family waits for a service (SOCIAL_ASSISTANCE).
    const seen = await server.gql<{ node: { waitlistEntries: unknown } }>(NEED, { id: waiting.high.id }, tokens['VOLUNTEER']);
    expect(seen.data?.node).toEqual({ waitlistEntries: null });
  });

  it('takes a need off the list; leaving again answers null', async () => {
    expect((await server.gql<{ leaveWaitlist: { status: string } | null }>(LEAVE, { need: waiting.low.id, service: full.id }, tokens['COORDINATOR'])).data?.leaveWaitlist).toEqual({ status: 'WAITING' });
    expect((await server.gql<{ leaveWaitlist: null }>(LEAVE, { need: waiting.low.id, service: full.id }, tokens['COORDINATOR'])).data?.leaveWaitlist).toBeNull();
  });
});
