import type { AccountRecord } from '../../src/domain/Account';
import { createAccount } from '../../src/services/accounts';
import type { GraphStore } from '../../src/store/GraphStore';
import { loginNameKey } from '../../src/store/accountWrites';
import { smallNetwork, storeNetwork, type SmallNetwork } from '../support/builders';
import { cookieFrom, errorCode, signInClient, type SignInClient } from '../support/signIn';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';
import { cheapHasher } from '../support/cheapHasher';

/**
 * Sign-in over HTTP (issue 11 item 2; the team sheet's sign-in contract):
 * POST /auth/login, POST /auth/logout, GET /auth/session, the session cookie
 * on /graphql with its same-origin check, lockout, rate limits, disabled
 * accounts, role changes at the next request, and no password or hash in
 * any answer or log line.
 */
const PASSWORD = 'correct-horse-synthetic';
const ME = '{ me { id login role townshipIds villageIds organizationId demo } }';

describeEachStore('sign-in and accounts over HTTP ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let client: SignInClient;
  let net: SmallNetwork;
  let adminToken: string;

  async function anAccount(login: string, overrides: Record<string, unknown> = {}): Promise<AccountRecord> {
    const ctx = { store, now: () => new Date(), hasher: cheapHasher() };
    const actor = { actorId: 'test-setup', role: 'ADMIN', purpose: 'SIGN_IN', correlationId: 'test-setup' };
    return createAccount(ctx, actor, { login, displayName: `${login} (synthetic)`, role: 'COORDINATOR', townshipIds: [net.townships[0].id], password: PASSWORD, ...overrides });
  }

  async function signedIn(login: string): Promise<string> {
    const res = await client.login(login, PASSWORD);
    expect(res.status).toBe(200);
    return cookieFrom(res);
  }

  async function adminGql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await server.gql<T>(query, variables, adminToken);
    expect(res.errors).toBeUndefined();
    return res.data as T;
  }

  beforeAll(async () => {
    store = await adapter.open();
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(async () => {
    if (adapter.name === 'neo4j') {
      // Each test starts from an empty database; Neo4jStore offers the reset for tests.
      await (store as unknown as { deleteAllForTests(): Promise<void> }).deleteAllForTests();
    } else {
      await (store as unknown as { clear(): Promise<void> }).clear();
    }
    net = smallNetwork();
    await storeNetwork(store, net);
    server = await startTestServer(store, { LOGIN_FAILURES_PER_ADDRESS: '40', LOGIN_FAILURES_PER_ACCOUNT: '20' });
    client = signInClient(server);
    adminToken = await server.token({ sub: 'test-admin', role: 'ADMIN' });
  });
  afterEach(async () => {
    await server?.stop();
  });

  describe('POST /auth/login', () => {
    it('answers 200 with the account and an httpOnly, SameSite=Lax, Path=/ session cookie, never cached', async () => {
      const account = await anAccount('coord-one');
      const res = await client.login('Coord-One', PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        account: {
          id: account.id,
          login: 'coord-one',
          displayName: 'coord-one (synthetic)',
          role: 'COORDINATOR',
          townshipIds: [net.townships[0].id],
          villageIds: [],
          organizationId: null,
          demo: false,
        },
      });
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^huzhu_session=[A-Za-z0-9._-]+; /);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Secure');
      expect(cookie).not.toContain('Domain');
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('names the cookie __Host-huzhu_session and marks it Secure when COOKIE_SECURE=true', async () => {
      await server.stop();
      server = await startTestServer(store, { COOKIE_SECURE: 'true' });
      client = signInClient(server);
      await anAccount('coord-secure');
      const res = await client.login('coord-secure', PASSWORD);
      expect(res.headers.get('set-cookie')).toMatch(/^__Host-huzhu_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
    });

    it('answers a wrong password and an unknown login alike: 401 INVALID_CREDENTIALS, same message', async () => {
      await anAccount('coord-two');
      const wrong = await client.login('coord-two', 'not-the-password');
      const unknown = await client.login('nobody-at-all', 'not-the-password');
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.headers.get('set-cookie')).toBeNull();
    });

    it('answers 400 BAD_USER_INPUT naming the field for a body without a password, and for a body that is not JSON', async () => {
      const missing = await client.login('coord-x', '');
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ error: { code: 'BAD_USER_INPUT', fieldPath: 'password' } });
      const form = await fetch(`${client.origin}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: client.origin }, body: 'login=a&password=b' });
      expect(form.status).toBe(400);
    });

    it('refuses a sign-in from another origin (403), so a foreign page cannot sign a browser in', async () => {
      await anAccount('coord-three');
      const res = await client.login('coord-three', PASSWORD, { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.headers.get('set-cookie')).toBeNull();
    });
  });

  describe('lockout and rate limits', () => {
    it('locks an account at the 5th wrong password in a row (423 ACCOUNT_LOCKED), even for the right one then', async () => {
      await anAccount('coord-lock');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await client.login('coord-lock', `wrong-password-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      const right = await client.login('coord-lock', PASSWORD);
      expect(right.status).toBe(423);
      expect(errorCode(right)).toBe('ACCOUNT_LOCKED');
    });

    it('answers an unknown login with the same sequence, so lockout does not tell which logins exist', async () => {
      await anAccount('coord-real');
      const real: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        real.push((await client.login('coord-real', `wrong-${i}-password`)).status);
        unknown.push((await client.login('coord-imaginary', `wrong-${i}-password`)).status);
      }
      expect(unknown).toEqual(real);
    });

    it('lets an ADMIN unlock the account (unlockAccount), after which the right password signs in', async () => {
      const account = await anAccount('coord-unlock');
      for (let i = 0; i < 5; i += 1) await client.login('coord-unlock', `wrong-password-${i}`);
      const unlocked = await adminGql<{ unlockAccount: { locked: boolean; failedAttempts: number } }>('mutation($id: ID!) { unlockAccount(id: $id) { locked failedAttempts } }', {
        id: account.id,
      });
      expect(unlocked.unlockAccount).toEqual({ locked: false, failedAttempts: 0 });
      expect((await client.login('coord-unlock', PASSWORD)).status).toBe(200);
    });

    it('unlocks by itself once LOGIN_LOCK_MINUTES have passed', async () => {
      const account = await anAccount('coord-expire');
      // A lock that ran out a minute ago, as the store records it.
      await store.recordAccountLoginFailure(account.id, {
        at: new Date(Date.now() - 20 * 60_000).toISOString(),
        lockAfter: 1,
        lockUntil: new Date(Date.now() - 60_000).toISOString(),
      });
      expect((await client.login('coord-expire', PASSWORD)).status).toBe(200);
    });

    it('rate-limits failed sign-ins per address: after LOGIN_FAILURES_PER_ADDRESS failures, 429 RATE_LIMITED with Retry-After, right password or not', async () => {
      await server.stop();
      server = await startTestServer(store, { LOGIN_FAILURES_PER_ADDRESS: '3' });
      client = signInClient(server);
      await anAccount('coord-rate');
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await client.login(`someone-${i}`, 'wrong-password')).status);
      expect(statuses).toEqual([401, 401, 401]);
      const refused = await client.login('coord-rate', PASSWORD);
      expect(refused.status).toBe(429);
      expect(errorCode(refused)).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('rate-limits failed sign-ins per login name across lockouts (LOGIN_FAILURES_PER_ACCOUNT)', async () => {
      await server.stop();
      server = await startTestServer(store, { LOGIN_FAILURES_PER_ACCOUNT: '2', LOGIN_FAILURES_PER_ADDRESS: '50' });
      client = signInClient(server);
      await anAccount('coord-name-rate');
      expect((await client.login('coord-name-rate', 'wrong-password-1')).status).toBe(401);
      expect((await client.login('coord-name-rate', 'wrong-password-2')).status).toBe(401);
      expect((await client.login('coord-name-rate', PASSWORD)).status).toBe(429);
      // Another login from the same address is not held back by it.
      await anAccount('coord-other-name');
      expect((await client.login('coord-other-name', PASSWORD)).status).toBe(200);
    });
  });

  describe('one lockout rule for real and unknown logins (injected clock)', () => {
    // Only Date is faked: the store's lock times, signIn's clock and the rate limiter's windows all read it.
    const ONLY_DATE = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;
    type Step = 'wrong' | 'right' | { waitMinutes: number } | { via: number; password: 'wrong' | 'right' };

    /** The statuses a login gets for `steps`, the clock starting at `start`; `via` picks the API instance. */
    async function answersFor(login: string, steps: Step[], start: number, clients: SignInClient[] = [client]): Promise<number[]> {
      jest.setSystemTime(start);
      const statuses: number[] = [];
      for (const [i, step] of steps.entries()) {
        if (typeof step === 'object' && 'waitMinutes' in step) {
          jest.setSystemTime(Date.now() + step.waitMinutes * 60_000);
          continue;
        }
        const { via, password } = typeof step === 'string' ? { via: 0, password: step } : step;
        const res = await (clients[via] as SignInClient).login(login, password === 'right' ? PASSWORD : `wrong-${i}-password`);
        statuses.push(res.status);
      }
      return statuses;
    }

    beforeEach(() => {
      jest.useFakeTimers({ now: Date.now(), doNotFake: [...ONLY_DATE] });
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it('gives the same answers to 4 failures, a 16-minute wait, then more (no window: the 5th in a row locks both)', async () => {
      await anAccount('coord-spaced');
      const steps: Step[] = ['wrong', 'wrong', 'wrong', 'wrong', { waitMinutes: 16 }, 'wrong', 'right'];
      const start = Date.now();
      const real = await answersFor('coord-spaced', steps, start);
      const unknown = await answersFor('coord-spaced-nobody', steps, start);
      expect(real).toEqual([401, 401, 401, 401, 423, 423]);
      expect(unknown).toEqual(real);
    });

    it.each(['5', '30'])('gives the same answers with LOGIN_LOCK_MINUTES=%s, before and after the lock runs out', async (minutes) => {
      await server.stop();
      server = await startTestServer(store, { LOGIN_LOCK_MINUTES: minutes, LOGIN_FAILURES_PER_ADDRESS: '40', LOGIN_FAILURES_PER_ACCOUNT: '20' });
      client = signInClient(server);
      await anAccount('coord-minutes');
      const lock = Number(minutes);
      // Locked at the 5th; still locked just before LOGIN_LOCK_MINUTES; counting from zero again after.
      const steps: Step[] = ['wrong', 'wrong', 'wrong', 'wrong', 'wrong', { waitMinutes: lock - 1 }, 'right', { waitMinutes: 2 }, 'wrong', 'wrong'];
      const start = Date.now();
      const real = await answersFor('coord-minutes', steps, start);
      const unknown = await answersFor('coord-minutes-nobody', steps, start);
      expect(real).toEqual([401, 401, 401, 401, 423, 423, 401, 401]);
      expect(unknown).toEqual(real);
    });

    it('counts failures across two API instances over one store alike for a real and an unknown login', async () => {
      const other = await startTestServer(store, { LOGIN_FAILURES_PER_ADDRESS: '40', LOGIN_FAILURES_PER_ACCOUNT: '20' });
      try {
        const clients = [client, signInClient(other)];
        await anAccount('coord-two-instances');
        const steps: Step[] = [
          { via: 0, password: 'wrong' },
          { via: 1, password: 'wrong' },
          { via: 0, password: 'wrong' },
          { via: 1, password: 'wrong' },
          { via: 1, password: 'wrong' },
          { via: 0, password: 'right' },
        ];
        const start = Date.now();
        const real = await answersFor('coord-two-instances', steps, start, clients);
        const unknown = await answersFor('coord-two-instances-nobody', steps, start, clients);
        expect(real).toEqual([401, 401, 401, 401, 423, 423]);
        expect(unknown).toEqual(real);
      } finally {
        await other.stop();
      }
    });

    it('creates no account for an unknown login and keeps no login name in the store', async () => {
      for (let i = 0; i < 6; i += 1) await client.login('Someone-Typed-This', `wrong-${i}-password`);
      expect((await store.listAccounts({ first: 100 })).items.map((a) => a.login)).not.toContain('someone-typed-this');
      expect(await store.findAccountByLogin('someone-typed-this')).toBeNull();
      expect((await store.getLoginNameFailures(loginNameKey('someone-typed-this'))).failedAttempts).toBeGreaterThan(0);
      expect(loginNameKey(' Someone-Typed-This ')).toBe(loginNameKey('someone-typed-this'));
      expect(loginNameKey('someone-typed-this')).not.toContain('someone');
    });
  });

  describe('demo accounts in production', () => {
    async function aDemoAccount(login: string): Promise<AccountRecord> {
      const ctx = { store, now: () => new Date(), hasher: cheapHasher() };
      const actor = { actorId: 'test-setup', role: 'ADMIN', purpose: 'SIGN_IN', correlationId: 'test-setup' };
      return createAccount(ctx, actor, { login, displayName: `${login} 演示 (synthetic)`, role: 'COORDINATOR', townshipIds: [net.townships[0].id], password: PASSWORD }, { demo: true });
    }

    it('refuses a demo account the right password when NODE_ENV=production, answering as for a wrong password, audited as a refusal', async () => {
      const demo = await aDemoAccount('demo-synthetic-coord');
      await anAccount('coord-prod');
      await server.stop();
      server = await startTestServer(store, { NODE_ENV: 'production', COOKIE_SECURE: 'false' });
      client = signInClient(server);
      const refused = await client.login('demo-synthetic-coord', PASSWORD);
      const wrong = await client.login('coord-prod', 'not-the-password');
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual(wrong.body);
      expect(refused.headers.get('set-cookie')).toBeNull();
      expect((await client.login('coord-prod', PASSWORD)).status).toBe(200);
      const trail = await adminGql<{ auditEvents: { nodes: Array<{ fields: string[] }> } }>(
        '{ auditEvents(first: 100, filter: { entityId: "' + demo.id + '" }) { nodes { fields } } }',
      );
      expect(trail.auditEvents.nodes.map((e) => e.fields[0])).toContain('auth:login-refused-demo');
    });

    it('lets the same demo account sign in outside production', async () => {
      await aDemoAccount('demo-synthetic-dev');
      expect((await client.login('demo-synthetic-dev', PASSWORD)).status).toBe(200);
    });
  });

  describe('the session', () => {
    it('GET /auth/session answers the account for a live cookie and 401 UNAUTHENTICATED without one', async () => {
      const account = await anAccount('coord-session');
      const cookie = await signedIn('coord-session');
      const live = await client.session(cookie);
      expect(live.status).toBe(200);
      expect(live.body).toMatchObject({ account: { id: account.id, login: 'coord-session' } });
      expect(live.headers.get('cache-control')).toBe('no-store');
      const none = await client.session(null);
      expect(none.status).toBe(401);
      expect(errorCode(none)).toBe('UNAUTHENTICATED');
    });

    it('authenticates /graphql from the cookie, with the stored role and scope', async () => {
      const account = await anAccount('coord-graphql');
      const cookie = await signedIn('coord-graphql');
      const res = await client.gql(cookie, ME);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { me: { id: account.id, login: 'coord-graphql', role: 'COORDINATOR', townshipIds: [net.townships[0].id], villageIds: [], organizationId: null, demo: false } } });
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('refuses a cookie-authenticated POST from another origin, or with no Origin and no Sec-Fetch-Site (403)', async () => {
      await anAccount('coord-csrf');
      const cookie = await signedIn('coord-csrf');
      const foreign = await client.gql(cookie, ME, {}, { origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      expect(errorCode(foreign)).toBe('FORBIDDEN');
      const bare = await fetch(`${client.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: ME }) });
      expect(bare.status).toBe(403);
      const fetchMetadata = await fetch(`${client.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ query: ME }),
      });
      expect(fetchMetadata.status).toBe(200);
    });

    it('keeps Apollo csrfPrevention: a cookie-authenticated text/plain POST is refused', async () => {
      await anAccount('coord-simple');
      const cookie = await signedIn('coord-simple');
      const res = await fetch(`${client.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', cookie, origin: client.origin }, body: JSON.stringify({ query: ME }) });
      expect(res.status).toBe(400);
    });

    it('lets a bearer token win over the cookie', async () => {
      await anAccount('coord-bearer');
      const cookie = await signedIn('coord-bearer');
      const designer = await server.token({ sub: 'test-designer', role: 'DESIGNER' });
      const res = await client.gql(cookie, '{ accounts { totalCount } }', {}, { authorization: `Bearer ${designer}` });
      expect(errorCode(res)).toBe('FORBIDDEN');
      const asAdmin = await client.gql(cookie, '{ accounts { totalCount } }', {}, { authorization: `Bearer ${adminToken}` });
      expect(asAdmin.body).toMatchObject({ data: { accounts: { totalCount: 1 } } });
    });

    it('sends no CORS header, even to a foreign Origin', async () => {
      const res = await fetch(`${client.origin}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it('ends at sign-out: 204, the cookie cleared, and the old cookie refused on every route (server-side)', async () => {
      await anAccount('coord-logout');
      const cookie = await signedIn('coord-logout');
      const out = await client.logout(cookie);
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/^huzhu_session=; .*Max-Age=0/);
      expect((await client.session(cookie)).status).toBe(401);
      const after = await client.gql(cookie, ME);
      expect(after.status).toBe(401);
      expect(errorCode(after)).toBe('UNAUTHENTICATED');
    });

    it('ends at sign-out for every API instance sharing the store', async () => {
      await anAccount('coord-two-servers');
      const other = await startTestServer(store);
      try {
        const cookie = await signedIn('coord-two-servers');
        const otherClient = signInClient(other);
        expect((await otherClient.session(cookie)).status).toBe(200);
        await client.logout(cookie);
        expect((await otherClient.session(cookie)).status).toBe(401);
      } finally {
        await other.stop();
      }
    });

    it("stops a disabled account's session at its next request, and refuses its sign-in", async () => {
      const account = await anAccount('coord-disable');
      const cookie = await signedIn('coord-disable');
      expect((await client.gql(cookie, ME)).status).toBe(200);
      await adminGql('mutation($id: ID!) { updateAccount(id: $id, input: { disabled: true }) { disabled } }', { id: account.id });
      const next = await client.gql(cookie, ME);
      expect(next.status).toBe(401);
      expect(errorCode(next)).toBe('UNAUTHENTICATED');
      const again = await client.login('coord-disable', PASSWORD);
      expect(again.status).toBe(401);
      expect(errorCode(again)).toBe('INVALID_CREDENTIALS');
    });

    it('applies a role or scope change at the next request (the viewer comes from the stored account)', async () => {
      const account = await anAccount('coord-promote');
      const cookie = await signedIn('coord-promote');
      expect(errorCode(await client.gql(cookie, '{ accounts { totalCount } }'))).toBe('FORBIDDEN');
      await adminGql('mutation($id: ID!) { updateAccount(id: $id, input: { role: ADMIN, townshipIds: [] }) { role } }', { id: account.id });
      const promoted = await client.gql(cookie, '{ accounts { totalCount } me { role townshipIds } }');
      expect(promoted.body).toEqual({ data: { accounts: { totalCount: 1 }, me: { role: 'ADMIN', townshipIds: [] } } });
    });

    it('ends the sessions of an account whose password an ADMIN reset', async () => {
      const account = await anAccount('coord-reset');
      const cookie = await signedIn('coord-reset');
      await adminGql('mutation($id: ID!) { resetAccountPassword(id: $id, password: "a-new-synthetic-password") { id } }', { id: account.id });
      expect((await client.session(cookie)).status).toBe(401);
      expect((await client.login('coord-reset', PASSWORD)).status).toBe(401);
      expect((await client.login('coord-reset', 'a-new-synthetic-password')).status).toBe(200);
    });
  });

  describe('GraphQL accounts', () => {
    it('lets an ADMIN create an account that can then sign in, with the scope as given', async () => {
      const created = await adminGql<{ createAccount: { id: string; login: string; role: string; organizationId: string } }>(
        'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id login role organizationId } }',
        { input: { login: 'NGO-Staff', displayName: '机构同事 (synthetic)', role: 'PARTNER_NGO', organizationId: net.organizations[1].id, password: PASSWORD } },
      );
      expect(created.createAccount).toMatchObject({ login: 'ngo-staff', role: 'PARTNER_NGO', organizationId: net.organizations[1].id });
      expect((await client.login('ngo-staff', PASSWORD)).status).toBe(200);
    });

    it('answers bad input with field paths: short password, PARTNER_NGO without organisation, unknown village, taken login', async () => {
      await anAccount('taken-login');
      const ask = (input: Record<string, unknown>) =>
        server.gql('mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { input: { login: 'fresh-login', displayName: 'x (synthetic)', role: 'SOCIAL_WORKER', password: PASSWORD, ...input } }, adminToken);
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ password: 'short' }, 'BAD_USER_INPUT', 'input.password'],
        [{ role: 'PARTNER_NGO' }, 'BAD_USER_INPUT', 'input.organizationId'],
        [{ villageIds: ['vil_999999999999'] }, 'NOT_FOUND', 'input.villageIds.0'],
        [{ login: 'Taken-Login' }, 'CONFLICT', 'input.login'],
      ];
      for (const [input, code, fieldPath] of cases) {
        const res = await ask(input);
        expect({ code: res.errors?.[0]?.extensions?.['code'], fieldPath: (res.errors?.[0]?.extensions?.['fieldPath'] as unknown[] | undefined)?.join('.') }).toEqual({ code, fieldPath });
      }
    });

    it('refuses account administration to every other role (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED)', async () => {
      for (const role of ['COORDINATOR', 'SOCIAL_WORKER', 'VOLUNTEER', 'DESIGNER'] as const) {
        const token = await server.token({ sub: `test-${role.toLowerCase()}`, role });
        const res = await server.gql('{ accounts { totalCount } }', {}, token);
        expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      }
      const anonymous = await server.gql('mutation { unlockAccount(id: "acc_x") { id } }');
      expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect((await server.gql(ME)).data).toEqual({ me: null });
    });

    it('audits sign-ins, failures, lockouts, sign-outs and account changes, without passwords', async () => {
      const account = await anAccount('coord-audit');
      for (let i = 0; i < 5; i += 1) await client.login('coord-audit', `wrong-password-${i}`);
      await adminGql('mutation($id: ID!) { unlockAccount(id: $id) { id } }', { id: account.id });
      const cookie = await signedIn('coord-audit');
      await client.logout(cookie);
      const trail = await adminGql<{ auditEvents: { nodes: Array<{ actorId: string; entityKind: string; entityId: string; fields: string[] }> } }>(
        '{ auditEvents(first: 100, filter: { entityId: "' + account.id + '" }) { nodes { actorId entityKind entityId fields } } }',
      );
      const what = trail.auditEvents.nodes.map((e) => e.fields[0]);
      expect(what).toEqual(expect.arrayContaining(['auth:login-failed', 'auth:account-locked', 'account:unlock', 'auth:login', 'auth:logout', 'account:create']));
      expect(what.filter((w) => w === 'auth:login-failed')).toHaveLength(5);
      expect(JSON.stringify(trail)).not.toContain('wrong-password');
    });

    it('never shows a password or its hash in any answer or log line', async () => {
      const account = await anAccount('coord-secret');
      const cookie = await signedIn('coord-secret');
      await client.login('coord-secret', 'a-wrong-synthetic-secret');
      await adminGql('mutation($id: ID!) { resetAccountPassword(id: $id, password: "another-synthetic-secret") { id } }', { id: account.id });
      const admin = await server.gql(
        '{ accounts { nodes { id login displayName role townshipIds villageIds organizationId demo disabled locked lockedUntil failedAttempts lastLoginAt createdAt updatedAt } } }',
        {},
        adminToken,
      );
      client.seen.push(JSON.stringify(admin), JSON.stringify((await client.gql(cookie, ME)).body));
      const [stored] = await store.getAccounts([account.id]);
      const everything = [...client.seen, ...server.logs].join('\n');
      for (const secret of [PASSWORD, 'a-wrong-synthetic-secret', 'another-synthetic-secret', '$argon2id$', stored?.passwordHash ?? 'missing']) {
        expect(everything).not.toContain(secret);
      }
    });
  });
});
