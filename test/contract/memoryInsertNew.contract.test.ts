import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { describeInsertNewContract } from './insertNewContract';

function asMemoryStore(store: GraphStore): MemoryStore {
  if (!(store instanceof MemoryStore)) throw new Error('memoryInsertNew.contract: the factory was handed a store it did not create');
  return store;
}

describeInsertNewContract('memory, in memory only', {
  async create() {
    const store = new MemoryStore({ dataDir: null });
    await store.init();
    return store;
  },
  reset: (store) => asMemoryStore(store).clear(),
  destroy: (store) => store.close(),
});
