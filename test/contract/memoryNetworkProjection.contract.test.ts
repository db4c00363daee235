import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { describeNetworkProjectionContract } from './networkProjectionContract';

/** The network projection contract on the memory adapter, journaled to a data directory. */

const directories = new Map<GraphStore, string>();

function asMemoryStore(store: GraphStore): MemoryStore {
  if (!(store instanceof MemoryStore)) throw new Error('memoryNetworkProjection.contract: the factory was handed a store it did not create');
  return store;
}

describeNetworkProjectionContract('memory, journaled to a data directory', {
  async create() {
    const dataDir = await mkdtemp(join(tmpdir(), 'huzhu-memory-projection-'));
    const store = new MemoryStore({ dataDir });
    await store.init();
    directories.set(store, dataDir);
    return store;
  },
  reset: (store) => asMemoryStore(store).clear(),
  async destroy(store) {
    await store.close();
    const dataDir = directories.get(store);
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  },
});
