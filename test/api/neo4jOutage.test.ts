import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { repoPath } from '../../src/repoPath';
import { describeNeo4j } from '../support/describeNeo4j';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 3: with the API running on Neo4j, stopping Neo4j makes requests fail
 * with UNAVAILABLE while the API stays up; starting it again brings answers
 * back without restarting the API. Uses a Neo4j of its own (own port and data
 * directory) so stopping it cannot disturb the shared test database.
 * While it is down, a request of which nothing could run answers HTTP 503
 * with a Retry-After (issue 10 item 6).
 */
const run = promisify(execFile);
const PORT = String(Number(process.env['NEO4J_OUTAGE_PORT'] ?? 7793));

async function neo4j(command: 'start' | 'stop', dataDir: string): Promise<void> {
  await run('node', [repoPath('tools', 'neo4j', `${command}.mjs`)], {
    env: { ...process.env, NEO4J_AUTH: 'none', NEO4J_BOLT_PORT: PORT, NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: '512m' },
    timeout: 180_000,
  });
}

// Needs the launcher and Java, which the Neo4j tier needs too: it runs where that tier runs (its own
// server, not the one at NEO4J_URI).
describeNeo4j('the API through a Neo4j outage', () => {
  describe(`its own Neo4j on port ${PORT}`, () => {
    let dataDir: string;
    let store: Neo4jStore;
    let server: TestServer;
    const query = '{ townships { totalCount } }';

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'huzhu-outage-'));
      await neo4j('start', dataDir);
      store = new Neo4jStore({ uri: `bolt://127.0.0.1:${PORT}`, user: 'neo4j', database: 'neo4j', timeoutMs: 15_000 });
      await store.init();
      server = await startTestServer(store);
    }, 240_000);

    afterAll(async () => {
      await server?.stop();
      await store?.close();
      await neo4j('stop', dataDir).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    }, 120_000);

    it('answers, fails with UNAVAILABLE while Neo4j is down, and answers again once it is back', async () => {
      expect((await server.gql(query)).errors).toBeUndefined();

      await neo4j('stop', dataDir);
      const down = await server.gql(query);
      expect(down.errors?.[0]?.extensions?.['code']).toBe('UNAVAILABLE');
      // Nothing of it could be executed: 503 with the GraphQL error body and a Retry-After (issue 10 item 6).
      expect([down.status, down.data ?? null]).toEqual([503, null]);
      expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
      const health = await fetch(server.url.replace('/graphql', '/healthz'));
      expect(health.status).toBe(503);

      await neo4j('start', dataDir);
      let back = await server.gql(query);
      for (let i = 0; i < 20 && back.errors; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        back = await server.gql(query);
      }
      expect(back.errors).toBeUndefined();
      expect([back.status, back.headers.get('retry-after')]).toEqual([200, null]);
    }, 300_000);
  });
});
