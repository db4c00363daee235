import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchQuery } from '../../src/domain/searchQuery';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { inMemoryStoreFactory } from '../support/inMemoryStoreFactory';
import { aHousehold, aTownship, aVillage } from '../support/builders';
import { describeSearchContract } from './searchContract';

/** The search contract on the memory adapter, in memory and journaled (its index is rebuilt from disk on open). */

describeSearchContract('memory, in memory only', inMemoryStoreFactory('memorySearch.contract'));

describe('memory search index after a restart', () => {
  it('is rebuilt from the journal and the snapshot: a record written before finds again by name and pinyin', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'huzhu-memory-search-'));
    try {
      const township = aTownship();
      const village = aVillage({ townshipId: township.id });
      const household = aHousehold({ villageId: village.id, head: { name: '王泗（synthetic）', phone: null, idNumber: null } });
      const first = new MemoryStore({ dataDir, compactAfterBytes: 1 });
      await first.init();
      await first.upsertMany('Township', [township]);
      await first.upsertMany('Village', [village]);
      await first.upsertMany('Household', [household]);
      await first.close();

      const reopened = new MemoryStore({ dataDir });
      await reopened.init();
      const scope = { villageIds: null, townshipIds: null };
      for (const text of ['王泗', 'wangsi', 'ws']) {
        const page = await reopened.searchHouseholds(searchQuery(text), ['name'], scope, { first: 10, after: null });
        expect(page.hits.map((h) => h.item.id)).toEqual([household.id]);
      }
      await reopened.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
