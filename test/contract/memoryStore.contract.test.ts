import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { describeGraphStoreContract } from './graphStoreContract';

/** The memory adapter three ways: purely in memory, journaled to disk, and journaled with constant compaction. */

function asMemoryStore(store: GraphStore): MemoryStore {
  if (!(store instanceof MemoryStore)) throw new Error('memoryStore.contract: the factory was handed a store it did not create');
  return store;
}

const directories = new Map<GraphStore, string>();

function persistentFactory(compactAfterBytes?: number) {
  return {
    async create(): Promise<GraphStore> {
      const dataDir = await mkdtemp(join(tmpdir(), 'huzhu-memory-contract-'));
      const store = new MemoryStore({ dataDir, ...(compactAfterBytes === undefined ? {} : { compactAfterBytes }) });
      await store.init();
      directories.set(store, dataDir);
      return store;
    },
    reset: (store: GraphStore) => asMemoryStore(store).clear(),
    async destroy(store: GraphStore): Promise<void> {
      await store.close();
      const dataDir = directories.get(store);
      if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describeGraphStoreContract('memory, in memory only', {
  async create() {
    const store = new MemoryStore({ dataDir: null });
    await store.init();
    return store;
  },
  reset: (store) => asMemoryStore(store).clear(),
  destroy: (store) => store.close(),
});

describeGraphStoreContract('memory, journaled to a data directory', persistentFactory());

describeGraphStoreContract('memory, compacting every 8 KiB', persistentFactory(8 * 1024));
