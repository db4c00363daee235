import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryStore } from '../../src/store/memory/MemoryStore';

/**
 * The factory the contract suites take (create / reset / destroy), for a
 * memory store with no data directory: created and init()ed, emptied with
 * clear() before each test, closed at the end. `suite` names the test file in
 * the error raised if a suite hands it a store it did not create.
 */
export function inMemoryStoreFactory(suite: string): {
  create(): Promise<GraphStore>;
  reset(store: GraphStore): Promise<void>;
  destroy(store: GraphStore): Promise<void>;
} {
  return {
    async create() {
      const store = new MemoryStore({ dataDir: null });
      await store.init();
      return store;
    },
    reset(store) {
      if (!(store instanceof MemoryStore)) throw new Error(`${suite}: the factory was handed a store it did not create`);
      return store.clear();
    },
    destroy: (store) => store.close(),
  };
}
