import type { GraphStore } from '../../src/store/GraphStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { describeNeo4j } from '../support/describeNeo4j';
import { asNeo4jStore, neo4jTestStoreOptions } from '../support/neo4jTestStore';
import { describePlansContract } from './plansContract';

/** The saved-plans contract on Neo4j (NEO4J_URI; skipped and counted as skipped without it). A restart is a new store over the same database. */
describeNeo4j('saved plans on Neo4j', (uri) => {
  const options = neo4jTestStoreOptions(uri);
  const open = async (): Promise<GraphStore> => {
    const store = new Neo4jStore(options);
    await store.init();
    return store;
  };
  describePlansContract(`neo4j at ${uri}`, {
    create: open,
    reset: (store) => asNeo4jStore(store, 'neo4jPlans.contract').deleteAllForTests(),
    async reopen(store) {
      await store.close();
      return open();
    },
    destroy: (store) => store.close(),
  });
});
