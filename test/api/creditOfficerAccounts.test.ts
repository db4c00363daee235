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

  const UPDATE = `mutation($id: ID!, $input: UpdateAccountInput!) { updateAccount(id: $id, input: $input) { id role townshipIds villageIds } }`;
  const fieldError = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({
    code: res.errors?.[0]?.extensions?.['code'],
    fieldPath: (res.errors?.[0]?.extensions?.['fieldPath'] as unknown[] | undefined)?.join('.'),
  });

  it('makes an account a CREDIT_OFFICER only with its officer and without a place scope, then signs it in as that officer', async () => {
    const officer = net.people.find((p) => p.roles.includes('CREDIT_OFFICER'))!;
    const liaison = net.people.find((p) => !p.roles.includes('CREDIT_OFFICER'))!;
    const created = await server.gql<{ createAccount: { id: string } }>(
      CREATE,
      { input: { login: 'coord-to-co', displayName: 'coord-to-co (synthetic)', role: 'COORDINATOR', townshipIds: [net.townships[0].id], password: PASSWORD } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createAccount.id;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ role: 'CREDIT_OFFICER', townshipIds: [] }, 'input.personId'], // no officer named: would be an unbound account
      [{ role: 'CREDIT_OFFICER', townshipIds: [], personId: liaison.id }, 'input.personId'], // not a credit officer
      [{ role: 'CREDIT_OFFICER', personId: officer.id }, 'input.townshipIds'], // the coordinator's townships do not apply
      [{ role: 'CREDIT_OFFICER', townshipIds: [], villageIds: [net.villages[0].id], personId: officer.id }, 'input.villageIds'],
      [{ personId: officer.id }, 'input.personId'], // a COORDINATOR names no person
    ];
    for (const [change, fieldPath] of cases) {
      expect({ change, ...fieldError(await server.gql(UPDATE, { id, input: change }, admin)) }).toEqual({ change, code: 'BAD_USER_INPUT', fieldPath });
    }
    const [unchanged] = await store.getAccounts([id]);
    expect([unchanged?.role, unchanged?.personId ?? null]).toEqual(['COORDINATOR', null]);

    const made = await server.gql<{ updateAccount: { role: string; townshipIds: string[] } }>(UPDATE, { id, input: { role: 'CREDIT_OFFICER', townshipIds: [], personId: officer.id } }, admin);
    expect(made.errors).toBeUndefined();
    expect(made.data!.updateAccount).toMatchObject({ role: 'CREDIT_OFFICER', townshipIds: [] });
    const client = signInClient(server);
    const login = await client.login('coord-to-co', PASSWORD);
    expect(login.status).toBe(200);
    const res = await client.gql(cookieFrom(login), '{ myBorrowers { totalCount } }');
    const borrowers = net.households.filter((h) => h.loan?.creditOfficerId === officer.id);
    expect(borrowers.length).toBeGreaterThan(0);
    expect(res.body?.['data']).toEqual({ myBorrowers: { totalCount: borrowers.length } });
  });

  it("refuses place scope on a CREDIT_OFFICER account (create or update), keeps its officer on other changes, and drops it when the role changes", async () => {
    const officer = net.people.find((p) => p.roles.includes('CREDIT_OFFICER'))!;
    const scoped = await server.gql(CREATE, input('co-scoped', { personId: officer.id, townshipIds: [net.townships[0].id] }), admin);
    expect(fieldError(scoped)).toEqual({ code: 'BAD_USER_INPUT', fieldPath: 'input.townshipIds' });
    const created = await server.gql<{ createAccount: { id: string } }>(CREATE, input('co-kept', { personId: officer.id }), admin);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createAccount.id;
    expect(fieldError(await server.gql(UPDATE, { id, input: { villageIds: [net.villages[0].id] } }, admin))).toEqual({ code: 'BAD_USER_INPUT', fieldPath: 'input.villageIds' });
    expect(fieldError(await server.gql(UPDATE, { id, input: { townshipIds: [net.townships[1].id] } }, admin))).toEqual({ code: 'BAD_USER_INPUT', fieldPath: 'input.townshipIds' });
    expect(fieldError(await server.gql(UPDATE, { id, input: { organizationId: net.organizations[3].id } }, admin))).toEqual({ code: 'BAD_USER_INPUT', fieldPath: 'input.organizationId' });
    // A change that leaves role and officer alone keeps the binding.
    expect((await server.gql(UPDATE, { id, input: { displayName: 'co-kept renamed (synthetic)' } }, admin)).errors).toBeUndefined();
    expect((await store.getAccounts([id]))[0]?.personId).toBe(officer.id);
    // Another role: the binding goes (as createAccount stores other roles).
    expect((await server.gql(UPDATE, { id, input: { role: 'DESIGNER' } }, admin)).errors).toBeUndefined();
    expect((await store.getAccounts([id]))[0]?.personId ?? null).toBeNull();
  });
});
