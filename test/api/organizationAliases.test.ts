import { seedStore } from '../../src/seed/seedStore';
import type { GraphStore } from '../../src/store/GraphStore';
import { storesUnderTest } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 15: 益邦 and 益帮 are one organisation in the seed (org_yibang, aliases
 * [益帮]); the directory finds it by either spelling, on every store.
 */
describe.each(storesUnderTest())('one organisation, two spellings ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 10, seed: 3 });
    server = await startTestServer(store);
    token = await server.token({ sub: 'test-admin', role: 'ADMIN' });
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  it.each(['益邦', '益帮'])('finds org_yibang by %s', async (q) => {
    const res = await server.gql<{ searchDirectory: Array<{ kind: string; id: string; name: string }> }>(
      'query($q: String!) { searchDirectory(query: $q, kinds: [ORGANIZATION]) { kind id name } }',
      { q },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.searchDirectory.map((h) => h.id)).toEqual(['org_yibang']);
  });

  it('shows both spellings on the organisation, and no second record', async () => {
    const res = await server.gql<{ node: { name: string; aliases: string[] } }>('{ node(id: "org_yibang") { ... on Organization { name aliases } } }', {}, token);
    expect(res.data!.node).toEqual({ name: '益邦', aliases: ['益帮'] });
    expect(await store.getMany('Organization', ['org_yibang-incubator'])).toEqual([null]);
  });
});
