import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { describeNeo4j } from '../support/describeNeo4j';
import { asNeo4jStore, neo4jTestStoreOptions } from '../support/neo4jTestStore';
import { describeCreateManyContract } from './createManyContract';

/** createMany against a real Neo4j (runs when NEO4J_URI is set). */
describeNeo4j('Neo4j createMany', (uri) => {
  describeCreateManyContract(`neo4j at ${uri}`, {
    async create() {
      const store = new Neo4jStore(neo4jTestStoreOptions(uri));
      await store.init();
      return store;
    },
    reset: (store) => asNeo4jStore(store, 'neo4jCreateMany.contract').deleteAllForTests(),
    destroy: (store) => store.close(),
  });
});
