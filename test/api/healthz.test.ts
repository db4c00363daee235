import { MemoryStore } from '../../src/store/memory/MemoryStore';
import type { SeedRun } from '../../src/store/SeedRun';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 10 item 4: /healthz says whether the store's seed is complete. A seed
 * that stopped part-way is `degraded` with `seed: 'incomplete'`, answered
 * HTTP 200: the API still answers (a probe must not take it out of service
 * or restart it in a loop), but its data is partial until the seed resumes.
 */
describe('GET /healthz and the seed', () => {
  let store: MemoryStore;
  let server: TestServer;
  const run = (status: SeedRun['status']): SeedRun => ({
    status,
    households: 60_000,
    seed: 1,
    batchSize: 5000,
    stepsDone: 9,
    startedAt: '2026-11-27T08:00:00.000Z',
    updatedAt: '2026-11-27T08:00:02.500Z',
    completedAt: status === 'COMPLETE' ? '2026-11-27T08:01:00.000Z' : null,
  });

  beforeEach(async () => {
    store = new MemoryStore({ dataDir: null });
    server = await startTestServer(store);
  });
  afterEach(async () => {
    await server.stop();
    await store.close();
  });

  const health = async () => {
    const res = await fetch(server.url.replace('/graphql', '/healthz'));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('is ok with seed "none" on a store never seeded', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', store: 'memory', seed: 'none' } });
  });

  it('is degraded with seed "incomplete", HTTP 200, while a seed stopped part-way', async () => {
    await store.putSeedRun(run('IN_PROGRESS'));
    expect(await health()).toEqual({ status: 200, body: { status: 'degraded', store: 'memory', seed: 'incomplete' } });
  });

  it('is ok with seed "complete" once the seed completed', async () => {
    await store.putSeedRun(run('COMPLETE'));
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', store: 'memory', seed: 'complete' } });
  });
});
