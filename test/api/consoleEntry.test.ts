import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * The browser entry is the console at /, not Apollo's Sandbox (a CDN page that
 * fails offline and from mainland China): the landing page is off unless
 * GRAPHQL_SANDBOX=true, and never in production. Everything else GET is the
 * console's (index.html or a 503 saying how to build it); the API routes are not.
 */
describe('the console is the browser entry', () => {
  const servers: TestServer[] = [];
  const stores: MemoryStore[] = [];
  async function start(env: Record<string, string> = {}): Promise<TestServer> {
    const store = new MemoryStore({ dataDir: null });
    await store.init();
    stores.push(store);
    const server = await startTestServer(store, env);
    servers.push(server);
    return server;
  }
  afterAll(async () => {
    for (const s of servers) await s.stop();
    for (const s of stores) await s.close();
  });

  const asBrowser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  it('serves no Sandbox landing page at /graphql by default', async () => {
    const server = await start();
    const res = await fetch(server.url, { headers: asBrowser });
    const body = await res.text();
    expect(body).not.toMatch(/sandbox|embeddable-sandbox|apollographql\.com/i);
  });

  it('serves it when asked for with GRAPHQL_SANDBOX=true (development only)', async () => {
    const server = await start({ GRAPHQL_SANDBOX: 'true' });
    const body = await (await fetch(server.url, { headers: asBrowser })).text();
    expect(body).toMatch(/apollo/i);
  });

  it('never serves it in production, even when asked for', async () => {
    const server = await start({ GRAPHQL_SANDBOX: 'true', NODE_ENV: 'production', COOKIE_SECURE: 'false' });
    const body = await (await fetch(server.url, { headers: asBrowser })).text();
    expect(body).not.toMatch(/sandbox|apollographql\.com/i);
  });

  it('answers GET / and screen paths with the console, with its CSP, and leaves /auth and /graphql to the API', async () => {
    const server = await start();
    const origin = new URL(server.url).origin;
    for (const path of ['/', '/households/hh_1']) {
      const res = await fetch(`${origin}${path}`, { headers: asBrowser });
      // 200 with index.html once `npm run build` has run, else 503 with how to build it; never the API's 404.
      expect([200, 503]).toContain(res.status);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    const session = await fetch(`${origin}/auth/session`);
    expect(session.headers.get('content-type')).toMatch(/json/);
  });
});
