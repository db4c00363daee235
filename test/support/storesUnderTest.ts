import { loadConfig } from '../../src/config/config';
import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';

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
    const uri = config.NEO4J_URI;
    stores.push({
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
    });
  } else if (process.env['CI'] === 'true') {
    throw new Error('storesUnderTest: NEO4J_URI is unset in CI; the API tests must run on Neo4j too');
  }
  return stores;
}
