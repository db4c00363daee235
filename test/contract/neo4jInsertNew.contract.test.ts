import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { describeNeo4j } from '../support/describeNeo4j';
import { asNeo4jStore, neo4jTestStoreOptions } from '../support/neo4jTestStore';
import { describeInsertNewContract } from './insertNewContract';

/** insertNew against a real Neo4j (runs when NEO4J_URI is set), with small batches so a call spans several transactions. */
describeNeo4j('Neo4j insertNew', (uri) => {
  describeInsertNewContract(`neo4j at ${uri}`, {
    async create() {
      const store = new Neo4jStore({ ...neo4jTestStoreOptions(uri), insertBatchSizes: { Household: 70, Need: 90 } });
      await store.init();
      return store;
    },
    reset: (store) => asNeo4jStore(store, 'neo4jInsertNew.contract').deleteAllForTests(),
    destroy: (store) => store.close(),
  });
});
