import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { describePlansContract } from './plansContract';

/** The saved-plans contract on the memory adapter, journaled (a restart replays the journal) and compacting constantly (it reads the snapshot). */

const directories = new Map<GraphStore, string>();

function asMemoryStore(store: GraphStore): MemoryStore {
  if (!(store instanceof MemoryStore)) throw new Error('memoryPlans.contract: the factory was handed a store it did not create');
  return store;
}

function persistentFactory(compactAfterBytes?: number) {
  const open = async (dataDir: string): Promise<GraphStore> => {
    const store = new MemoryStore({ dataDir, ...(compactAfterBytes === undefined ? {} : { compactAfterBytes }) });
    await store.init();
    directories.set(store, dataDir);
    return store;
  };
  return {
    create: async () => open(await mkdtemp(join(tmpdir(), 'huzhu-memory-plans-'))),
    reset: (store: GraphStore) => asMemoryStore(store).clear(),
    async reopen(store: GraphStore): Promise<GraphStore> {
      const dataDir = directories.get(store) as string;
      await store.close();
      return open(dataDir);
    },
    async destroy(store: GraphStore): Promise<void> {
      await store.close();
      const dataDir = directories.get(store);
      if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describePlansContract('memory, journaled to a data directory', persistentFactory());

describePlansContract('memory, compacting every 1 KiB', persistentFactory(1024));
