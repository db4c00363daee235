import { loadConfig } from '../../src/config/config';
import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { UNSET_NEO4J_URI } from './describeNeo4j';

export interface StoreUnderTest {
  name: 'memory' | 'neo4j';
  /** A fresh, empty, initialised store. */
  open(): Promise<GraphStore>;
  close(store: GraphStore): Promise<void>;
}

/**
 * The adapters API tests run against: memory always; Neo4j when NEO4J_URI is
 * set (CI sets it; there an unset NEO4J_URI fails, see neo4jStore.contract).
 * Tests run in band, so Neo4j-backed files share one database and empty it
 * when they open it.
 */
export function storesUnderTest(): StoreUnderTest[] {
  const config = loadConfig();
  const stores: StoreUnderTest[] = [
    {
      name: 'memory',
      async open() {
        const store = new MemoryStore({ dataDir: null });
        await store.init();
        return store;
      },
      close: (store) => store.close(),
    },
  ];
  if (config.NEO4J_URI) {
    stores.push(neo4jStoreUnderTest(config.NEO4J_URI));
  } else if (process.env['CI'] === 'true') {
    throw new Error('storesUnderTest: NEO4J_URI is unset in CI; the API tests must run on Neo4j too');
  }
  return stores;
}

/**
 * `describe.each(storesUnderTest())(title, body)`, honest about the store it
 * cannot run: without NEO4J_URI the Neo4j variant is registered with
 * describe.skip, so jest's summary counts its tests as skipped rather than
 * leaving them out (test/support/describeNeo4j.ts does the same for whole files).
 */
export function describeEachStore(title: string, body: (adapter: StoreUnderTest) => void): void {
  describe.each(storesUnderTest())(title, body);
  if (!loadConfig().NEO4J_URI) {
    describe.skip.each([neo4jStoreUnderTest(UNSET_NEO4J_URI)])(`${title} [skipped: NEO4J_URI is unset]`, body);
  }
}

// Private:

function neo4jStoreUnderTest(uri: string): StoreUnderTest {
  const config = loadConfig();
  return {
    name: 'neo4j',
    async open() {
      const store = new Neo4jStore({
        uri,
        user: config.NEO4J_USER,
        ...(config.NEO4J_PASSWORD ? { password: config.NEO4J_PASSWORD } : {}),
        database: config.NEO4J_DATABASE,
        timeoutMs: config.NEO4J_TIMEOUT_MS,
      });
      await store.init();
      await store.deleteAllForTests();
      await store.init();
      return store;
    },
    close: (store) => store.close(),
  };
}
