import type { GraphStore } from '../../src/store/GraphStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { describeNeo4j } from '../support/describeNeo4j';
import { asNeo4jStore, neo4jTestStoreOptions } from '../support/neo4jTestStore';
import { describeAlertsContract } from './alertsContract';

/** The alerts contract against a real Neo4j, with a second store instance standing in for a second API process. Runs when NEO4J_URI is set. */
describeNeo4j('Neo4j alerts', (uri) => {
  const options = neo4jTestStoreOptions(uri);
  const open = async (): Promise<GraphStore> => {
    const store = new Neo4jStore(options);
    await store.init();
    return store;
  };
  describeAlertsContract(
    `neo4j at ${uri}`,
    {
      create: open,
      reset: (store) => asNeo4jStore(store, 'neo4jAlerts.contract').deleteAllForTests(),
      destroy: (store) => store.close(),
    },
    open,
  );
});
