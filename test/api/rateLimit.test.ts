import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 10 item 12: requests are limited per token subject, and per client
 * address for anonymous callers and for bad tokens, which are counted before
 * they are answered 401: a client guessing tokens is slowed down like any other.
 */
describe('rate limits over HTTP', () => {
  let store: MemoryStore;
  let server: TestServer;
  const LIMIT = 3;

  beforeEach(async () => {
    store = new MemoryStore({ dataDir: null });
    server = await startTestServer(store, { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterEach(async () => {
    await server.stop();
    await store.close();
  });

  const send = (authorization?: string) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: '{ categories { code } }' }),
    });
  const codeOf = async (res: Response) => ((await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code;

  it('answers 429 with Retry-After once a client address has sent LIMIT invalid tokens', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await send(`Bearer forged.token.${'x'.repeat(20)}${i}`)).status);
    expect(statuses).toEqual(Array(LIMIT).fill(401));
    const refused = await send('Bearer forged.token.yyyyyyyyyyyyyyyyyyyyy');
    expect(refused.status).toBe(429);
    expect(await codeOf(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a malformed Authorization header the same way (it is a bad token too)', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await send('Basic dXNlcjpwYXNz')).status).toBe(401);
    expect((await send('Basic dXNlcjpwYXNz')).status).toBe(429);
  });

  it('refuses the address, valid token or not, once bad tokens used up its limit', async () => {
    const token = await server.token({ sub: 'test-designer', role: 'DESIGNER' });
    const guesses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) guesses.push((await send('Bearer not-a-real-token-at-all')).status);
    expect(guesses.at(-1)).toBe(429);
    expect((await send(`Bearer ${token}`)).status).toBe(429);
  });

  it('limits anonymous requests per address and signed-in requests per subject', async () => {
    const token = await server.token({ sub: 'test-designer', role: 'DESIGNER' });
    for (let i = 0; i < LIMIT; i++) expect((await send(`Bearer ${token}`)).status).toBe(200);
    expect((await send(`Bearer ${token}`)).status).toBe(429);
    // The subject's count is its own: the same address, anonymous, still has its LIMIT.
    const other = await server.token({ sub: 'test-other', role: 'DESIGNER' });
    expect((await send(`Bearer ${other}`)).status).toBe(200);
    const anonymous: number[] = [];
    for (let i = 0; i <= LIMIT; i++) anonymous.push((await send()).status);
    expect(anonymous.at(-1)).toBe(429);
    expect(anonymous.slice(0, LIMIT).every((s) => s !== 429)).toBe(true);
  });
});
