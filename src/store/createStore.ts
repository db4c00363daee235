import { join } from 'node:path';
import type { Config } from '../config/config';
import type { GraphStore } from './GraphStore';
import { MemoryStore } from './memory/MemoryStore';
import { Neo4jStore } from './neo4j/Neo4jStore';

/** The store the configuration asks for: Neo4j when NEO4J_URI is set, else the embedded memory store. */
export function createStore(config: Config): GraphStore {
  if (config.NEO4J_URI) {
    return new Neo4jStore({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      ...(config.NEO4J_PASSWORD ? { password: config.NEO4J_PASSWORD } : {}),
      database: config.NEO4J_DATABASE,
      timeoutMs: config.NEO4J_TIMEOUT_MS,
    });
  }
  return new MemoryStore({ dataDir: join(config.DATA_DIR, 'memory') });
}

/** One line for the start-up banner: which store, where. */
export function describeStore(config: Config): string {
  return config.NEO4J_URI
    ? `neo4j ${config.NEO4J_URI} (database ${config.NEO4J_DATABASE})`
    : `memory (embedded; persisted under ${join(config.DATA_DIR, 'memory')})`;
}
