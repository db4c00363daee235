import type { GraphStore } from '../../src/store/GraphStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { describeNeo4j } from '../support/describeNeo4j';
import { asNeo4jStore as asNeo4jStoreOf, neo4jTestStoreOptions } from '../support/neo4jTestStore';
import { describeWaitlistContract } from './waitlistContract';

/**
 * The waiting-list contract against a real Neo4j, where concurrent joins,
 * releases and claims are separate transactions racing for the service's lock.
 * Runs when NEO4J_URI is set.
 */
describeNeo4j('Neo4j waiting lists', (uri) => {
  const options = neo4jTestStoreOptions(uri);
  const asNeo4jStore = (store: GraphStore): Neo4jStore => asNeo4jStoreOf(store, 'neo4jWaitlist.contract');

  describeWaitlistContract(`neo4j at ${uri}`, {
    async create() {
      const store = new Neo4jStore(options);
      await store.init();
      return store;
    },
    reset: (store) => asNeo4jStore(store).deleteAllForTests(),
    destroy: (store) => store.close(),
  });
});
