import type { GraphStore } from '../../src/store/GraphStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { describeNeo4j } from '../support/describeNeo4j';
import { asNeo4jStore, neo4jTestStoreOptions } from '../support/neo4jTestStore';
import { describeNetworkProjectionContract } from './networkProjectionContract';

/** The network projection contract on Neo4j (NEO4J_URI; skipped and counted as skipped without it). */
describeNeo4j('the network projection on Neo4j', (uri) => {
  const options = neo4jTestStoreOptions(uri);
  describeNetworkProjectionContract(`neo4j at ${uri}`, {
    async create(): Promise<GraphStore> {
      const store = new Neo4jStore(options);
      await store.init();
      return store;
    },
    reset: (store) => asNeo4jStore(store, 'neo4jNetworkProjection.contract').deleteAllForTests(),
    destroy: (store) => store.close(),
  });
});
