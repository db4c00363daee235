import type { GraphStore } from '../../src/store/GraphStore';
import { smallNetwork, storeNetwork, type SmallNetwork } from '../support/builders';
import { cookieFrom, signInClient } from '../support/signIn';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * A CREDIT_OFFICER account (issue 15 item 3) names its officer, a stored
 * Person with the CREDIT_OFFICER role; its session sees that officer's
 * borrowers, as a token's `person` claim does.
 */
const PASSWORD = 'correct-horse-synthetic';
const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id role } }`;

describeEachStore('credit-officer accounts ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let net: SmallNetwork;
  let admin: string;

  beforeAll(async () => {
    store = await adapter.open();
    net = smallNetwork();
    await storeNetwork(store, net);
    server = await startTestServer(store);
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  const input = (login: string, extra: Record<string, unknown>) => ({ input: { login, displayName: `${login} (synthetic)`, role: 'CREDIT_OFFICER', password: PASSWORD, ...extra } });

  it('refuses a CREDIT_OFFICER account without its officer, or bound to a person who is not one', async () => {
    const none = await server.gql(CREATE, input('co-none', {}), admin);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['input', 'personId'] });
    const liaison = net.people.find((p) => !p.roles.includes('CREDIT_OFFICER'))!;
    const wrong = await server.gql(CREATE, input('co-wrong', { personId: liaison.id }), admin);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['input', 'personId'] });
    const coordinator = await server.gql(CREATE, { input: { ...input('coord-person', { personId: liaison.id }).input, role: 'COORDINATOR' } }, admin);
    expect(coordinator.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['input', 'personId'] });
  });

  it("signs in a bound officer whose session sees exactly that officer's borrowers", async () => {
    const officer = net.people.find((p) => p.roles.includes('CREDIT_OFFICER'))!;
    const created = await server.gql<{ createAccount: { role: string } }>(CREATE, input('co-bound', { personId: officer.id }), admin);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAccount.role).toBe('CREDIT_OFFICER');
    const client = signInClient(server);
    const login = await client.login('co-bound', PASSWORD);
    expect(login.status).toBe(200);
    const res = await client.gql(cookieFrom(login), '{ myBorrowers { totalCount nodes { id } } }');
    const borrowers = net.households.filter((h) => h.loan?.creditOfficerId === officer.id).map((h) => h.id).sort();
    expect(borrowers.length).toBeGreaterThan(0);
    const page = (res.body?.['data'] as { myBorrowers: { totalCount: number; nodes: Array<{ id: string }> } }).myBorrowers;
    expect(page.nodes.map((n) => n.id)).toEqual(borrowers);
  });
});
