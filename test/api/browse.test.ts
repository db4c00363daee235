import type { GraphStore } from '../../src/store/GraphStore';
import { seedStore } from '../../src/seed/seedStore';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { nonEmpty } from '../support/nonEmpty';

/**
 * Issue 2's "done when", over HTTP against a started server on each store:
 * the real Dayi network is browsable, lists page, and related records load in
 * bounded batches.
 */
const SOCIAL_ORGS = ['黑仔儿社会工作服务中心', '社工协会', '益邦', '邑诚', '邑路有爱', '和美', '益乐诚', '益家'];

describeEachStore('browsing the seeded Dayi network ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 300, seed: 7 });
    server = await startTestServer(store);
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  it('counts 147 villages and communities and 11 townships', async () => {
    const res = await server.gql<{ villages: { totalCount: number }; townships: { totalCount: number; nodes: Array<{ name: string }> } }>(
      '{ villages(first: 100) { totalCount } townships(first: 20) { totalCount nodes { name } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.villages.totalCount).toBe(147);
    expect(res.data?.townships.totalCount).toBe(11);
    expect(res.data?.townships.nodes.map((t) => t.name)).toContain('䢺江镇');
  });

  it('pages through all villages with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res: Awaited<ReturnType<typeof server.gql<{ villages: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>>> =
        await server.gql('query($after: String) { villages(first: 40, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }', { after });
      const page = res.data!.villages;
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(147);
    expect(new Set(seen).size).toBe(147);
  });

  it('names 大邑县残联 and the 8 social organisations, each with its relationship status', async () => {
    const res = await server.gql<{ organizations: { nodes: Array<{ name: string; networkStatus: string | null }> } }>(
      '{ organizations(first: 100) { nodes { name networkStatus } } }',
    );
    const byName = new Map(res.data!.organizations.nodes.map((o) => [o.name, o.networkStatus]));
    expect(byName.get('大邑县残联')).toBe('ESTABLISHED');
    for (const name of SOCIAL_ORGS) expect(byName.get(name)).toBe('ESTABLISHED');
    expect(byName.get('大邑县社会工作服务总站')).toBe('BUILDING');
    expect([...byName.values()]).toContain('PROSPECTIVE');
  });

  it('filters villages by township and shows their display names without the committee suffix', async () => {
    const res = await server.gql<{ villages: { totalCount: number; nodes: Array<{ displayName: string; name: string; location: { precision: string } }> } }>(
      '{ villages(first: 100, filter: { townshipId: "twp_510129001000" }) { totalCount nodes { name displayName location { precision } } } }',
    );
    expect(res.data!.villages.totalCount).toBe(15);
    const nanjie = res.data!.villages.nodes.find((v) => v.name === '南街社区居委会');
    expect(nanjie?.displayName).toBe('南街社区');
    expect(nanjie?.location.precision).toBe('township');
  });

  it('lists stakeholders by status for designers', async () => {
    const res = await server.gql<{ stakeholders: { totalCount: number; nodes: Array<{ kind: string; status: string }> } }>(
      '{ stakeholders(first: 100, filter: { status: PROSPECTIVE, kind: ORGANIZATION }) { totalCount nodes { kind status node { ... on Organization { name } } } } }',
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.stakeholders.totalCount).toBeGreaterThanOrEqual(3);
    expect(nonEmpty(res.data!.stakeholders.nodes, 'prospective stakeholder').every((s) => s.kind === 'ORGANIZATION' && s.status === 'PROSPECTIVE')).toBe(true);
  });

  it('loads the townships of 100 villages in a bounded number of store calls (DataLoader)', async () => {
    const original = store.getMany.bind(store);
    const calls: string[] = [];
    const spy = jest.spyOn(store, 'getMany').mockImplementation(((kind: never, ids: readonly string[]) => {
      calls.push(kind);
      return original(kind, ids);
    }) as typeof store.getMany);
    try {
      const res = await server.gql<{ villages: { nodes: Array<{ township: { name: string } }> } }>(
        '{ villages(first: 100) { nodes { township { name } } } }',
      );
      expect(res.data!.villages.nodes).toHaveLength(100);
      expect(res.data!.villages.nodes.every((v) => v.township.name.length > 0)).toBe(true);
      expect(calls.filter((k) => k === 'Township')).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('caps the page size at 100 with a clear error', async () => {
    const res = await server.gql('{ villages(first: 500) { totalCount } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['first'] });
  });

  it('answers node(id) by the kind its id names, and null for an unknown id', async () => {
    const res = await server.gql<{ a: { displayName: string } | null; b: unknown }>(
      '{ a: node(id: "vil_510129001002") { ... on Village { displayName } } b: node(id: "vil_999999999999") { id } }',
    );
    expect(res.data?.a?.displayName).toBe('南街社区');
    expect(res.data?.b).toBeNull();
  });

  it('rejects a malformed id in node() as BAD_USER_INPUT at "id"', async () => {
    const res = await server.gql('{ node(id: "not an id") { id } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['id'] });
  });
});
