import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { describePlanningNeedsContract } from './planningNeedsContract';

/** The planning read (GraphStore.listPlanningNeeds) on the memory adapter. */
function asMemoryStore(store: GraphStore): MemoryStore {
  if (!(store instanceof MemoryStore)) throw new Error('memoryPlanningNeeds.contract: the factory was handed a store it did not create');
  return store;
}

describePlanningNeedsContract('memory', {
  async create() {
    const store = new MemoryStore({ dataDir: null });
    await store.init();
    return store;
  },
  reset: (store) => asMemoryStore(store).clear(),
  destroy: (store) => store.close(),
});
