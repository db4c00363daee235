import { loadConfig } from '../../src/config/config';
import type { GraphStore } from '../../src/store/GraphStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';

/**
 * Options for a Neo4jStore opened by a Neo4j-tier test file. The contracts are
 * about semantics, and a busy shared CI box can stall one transaction for
 * seconds (e.g. 50 referrals queueing on one service's lock): unless
 * NEO4J_TIMEOUT_MS says otherwise, allow 20 s. The fail-fast budget has its own
 * test ('a database that is down' in neo4jStore.contract.test.ts).
 */
export function neo4jTestStoreOptions(uri: string) {
  const config = loadConfig();
  return {
    uri,
    user: config.NEO4J_USER,
    ...(config.NEO4J_PASSWORD ? { password: config.NEO4J_PASSWORD } : {}),
    database: config.NEO4J_DATABASE,
    timeoutMs: process.env['NEO4J_TIMEOUT_MS'] ? config.NEO4J_TIMEOUT_MS : 20_000,
  };
}

/** Narrows a store a Neo4j-tier factory created back to Neo4jStore; `who` names the test file in the error. */
export function asNeo4jStore(store: GraphStore, who: string): Neo4jStore {
  if (!(store instanceof Neo4jStore)) throw new Error(`${who}: the factory was handed a store it did not create`);
  return store;
}
