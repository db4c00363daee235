import type { GraphStore } from '../../src/store/GraphStore';
import { aService, anOrganization, smallNetwork, storeNetwork, type SmallNetwork } from '../support/builders';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 11 item 4: an organisation keeps its own services current — status,
 * capacity, hours, contact and the date it confirmed them — through
 * updateService (and updateServiceCapacity / addService for a partner NGO's
 * own organisation). A partner NGO may do it for its own organisation only, a
 * coordinator for organisations in its townships, an ADMIN everywhere.
 */
const UPDATE = 'mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id status capacity activeReferrals hours contact confirmedOn confirmedBy } }';
const CAPACITY = 'mutation($id: ID!, $c: Int) { updateServiceCapacity(serviceId: $id, capacity: $c) { id capacity } }';
const ADD = 'mutation($input: AddServiceInput!) { addService(input: $input) { id organization { id } } }';

describeEachStore('keeping a service current ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let net: SmallNetwork;
  const own = anOrganization({ kind: 'SOCIAL_WORK_STATION', name: '本机构 (synthetic)' });
  const ownService = aService({ organizationId: own.id, categories: ['MEDICAL'], capacity: 3, status: 'ACTIVE' });
  const foreign = anOrganization({ kind: 'NGO', name: '别的机构 (synthetic)' });
  const foreignService = aService({ organizationId: foreign.id, categories: ['MEDICAL'], capacity: 3 });
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    store = await adapter.open();
    net = smallNetwork();
    await storeNetwork(store, net);
    // `own` sits in the first township (the coordinator's), `foreign` in the second.
    await store.upsertMany('Organization', [{ ...own, townshipId: net.townships[0].id }, { ...foreign, townshipId: net.townships[1].id }]);
    await store.upsertMany('Service', [ownService, foreignService]);
    server = await startTestServer(store);
    tokens['ADMIN'] = await server.token({ sub: 'test-admin', role: 'ADMIN' });
    tokens['PARTNER'] = await server.token({ sub: 'per_partner-staff', role: 'PARTNER_NGO', org: own.id });
    tokens['COORDINATOR'] = await server.token({ sub: 'test-coord', role: 'COORDINATOR', townships: [net.townships[0].id] });
    tokens['SOCIAL_WORKER'] = await server.token({ sub: 'test-sw', role: 'SOCIAL_WORKER', villages: [net.villages[0].id] });
    tokens['DESIGNER'] = await server.token({ sub: 'test-designer', role: 'DESIGNER' });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.['code'];

  it("lets a partner NGO set its own service's status, capacity, hours, contact and confirmation date", async () => {
    const res = await server.gql<{ updateService: Record<string, unknown> }>(
      UPDATE,
      { id: ownService.id, input: { status: 'SUSPENDED', capacity: 5, hours: '周一至周五 9:00–17:00', contact: '028-0000-0000 (synthetic)', confirmedOn: '2026-11-30' } },
      tokens['PARTNER'],
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateService).toEqual({
      id: ownService.id,
      status: 'SUSPENDED',
      capacity: 5,
      activeReferrals: ownService.activeReferrals,
      hours: '周一至周五 9:00–17:00',
      contact: '028-0000-0000 (synthetic)',
      confirmedOn: '2026-11-30',
      confirmedBy: 'per_partner-staff',
    });
    // Read back through the public directory: stored, not just echoed.
    const read = await server.gql<{ node: Record<string, unknown> }>('query($id: ID!) { node(id: $id) { ... on Service { status capacity hours contact confirmedOn } } }', { id: ownService.id });
    expect(read.data?.node).toEqual({ status: 'SUSPENDED', capacity: 5, hours: '周一至周五 9:00–17:00', contact: '028-0000-0000 (synthetic)', confirmedOn: '2026-11-30' });
  });

  it('changes only the fields given, and clears hours with an empty string', async () => {
    await server.gql(UPDATE, { id: ownService.id, input: { hours: '全天 (synthetic)', contact: '前台 (synthetic)' } }, tokens['PARTNER']);
    const res = await server.gql<{ updateService: Record<string, unknown> }>(UPDATE, { id: ownService.id, input: { hours: '' } }, tokens['PARTNER']);
    expect(res.data?.updateService).toMatchObject({ hours: null, contact: '前台 (synthetic)' });
  });

  it("refuses a partner NGO another organisation's service (FORBIDDEN), for every upkeep mutation", async () => {
    expect(codeOf(await server.gql(UPDATE, { id: foreignService.id, input: { status: 'SUSPENDED' } }, tokens['PARTNER']))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(CAPACITY, { id: foreignService.id, c: 9 }, tokens['PARTNER']))).toBe('FORBIDDEN');
    const add = await server.gql(ADD, { input: { organizationId: foreign.id, name: '冒名服务 (synthetic)', categories: ['MEDICAL'], area: { kind: 'COUNTY' } } }, tokens['PARTNER']);
    expect(codeOf(add)).toBe('FORBIDDEN');
    const [stored] = await store.getMany('Service', [foreignService.id]);
    expect(stored).toMatchObject({ status: foreignService.status, capacity: foreignService.capacity });
  });

  it('lets a partner NGO add a service to, and set the capacity of, its own organisation', async () => {
    const add = await server.gql<{ addService: { id: string; organization: { id: string } } }>(
      ADD,
      { input: { organizationId: own.id, name: '新服务 (synthetic)', categories: ['MEDICAL'], area: { kind: 'COUNTY' }, online: true } },
      tokens['PARTNER'],
    );
    expect(add.errors).toBeUndefined();
    expect(add.data?.addService.organization.id).toBe(own.id);
    const capacity = await server.gql<{ updateServiceCapacity: { capacity: number } }>(CAPACITY, { id: ownService.id, c: 7 }, tokens['PARTNER']);
    expect(capacity.data?.updateServiceCapacity.capacity).toBe(7);
  });

  it("lets a coordinator keep the services of organisations in its townships, and no other's", async () => {
    const ok = await server.gql<{ updateService: { confirmedBy: string } }>(UPDATE, { id: ownService.id, input: { confirmedOn: '2026-11-29' } }, tokens['COORDINATOR']);
    expect(ok.data?.updateService.confirmedBy).toBe('test-coord');
    expect(codeOf(await server.gql(UPDATE, { id: foreignService.id, input: { confirmedOn: '2026-11-29' } }, tokens['COORDINATOR']))).toBe('FORBIDDEN');
  });

  it('lets an ADMIN keep any service, and refuses social workers, designers (FORBIDDEN) and anonymous callers', async () => {
    expect((await server.gql(UPDATE, { id: foreignService.id, input: { status: 'ACTIVE' } }, tokens['ADMIN'])).errors).toBeUndefined();
    for (const role of ['SOCIAL_WORKER', 'DESIGNER']) {
      expect(codeOf(await server.gql(UPDATE, { id: ownService.id, input: { status: 'ACTIVE' } }, tokens[role]))).toBe('FORBIDDEN');
    }
    expect(codeOf(await server.gql(UPDATE, { id: ownService.id, input: { status: 'ACTIVE' } }))).toBe('UNAUTHENTICATED');
  });

  it('answers bad input with the field path: negative capacity, a date in the future, an unknown field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ capacity: -1 }, 'input.capacity'],
      [{ confirmedOn: '2999-01-01' }, 'input.confirmedOn'],
    ];
    for (const [input, fieldPath] of cases) {
      const res = await server.gql(UPDATE, { id: ownService.id, input }, tokens['PARTNER']);
      expect([codeOf(res), (res.errors?.[0]?.extensions?.['fieldPath'] as unknown[] | undefined)?.join('.')]).toEqual(['BAD_USER_INPUT', fieldPath]);
    }
  });

  it('keeps activeReferrals as the store counts them, whatever the update carries', async () => {
    const [before] = await store.getMany('Service', [ownService.id]);
    await store.update('Service', { ...(before as NonNullable<typeof before>), activeReferrals: 99 });
    const [after] = await store.getMany('Service', [ownService.id]);
    expect(after?.activeReferrals).toBe(before?.activeReferrals);
  });
});
