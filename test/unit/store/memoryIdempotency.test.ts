/**
 * The memory store keeps idempotency keys as durably as the records they
 * made (issue 10 item 5): a retry after a restart, from the journal or from
 * the snapshot, still finds the first result and writes nothing.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '../../../src/store/memory/MemoryStore';
import { aHousehold, aTownship, aVillage } from '../../support/builders';

const claim = { idempotency: { key: 'key-durable-0001', operation: 'registerHousehold', fingerprint: 'fp-synthetic' } };

describe('memory store: idempotency keys across a restart', () => {
  let dirs: string[] = [];
  const freshDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'huzhu-idem-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    dirs = [];
  });

  async function storeWithFirstWrite(dir: string) {
    const store = new MemoryStore({ dataDir: dir });
    await store.init();
    const township = aTownship();
    const village = aVillage({ townshipId: township.id });
    await store.upsertMany('Township', [township]);
    await store.upsertMany('Village', [village]);
    const first = await store.create('Household', aHousehold({ villageId: village.id }), claim);
    return { store, first, villageId: village.id };
  }

  it('finds the key again after a clean restart (from the snapshot)', async () => {
    const dir = await freshDir();
    const { store, first, villageId } = await storeWithFirstWrite(dir);
    await store.close();
    const again = new MemoryStore({ dataDir: dir });
    await again.init();
    try {
      expect(await again.create('Household', aHousehold({ villageId }), claim)).toEqual(first);
      expect((await again.list('Household', {}, { first: 10 })).totalCount).toBe(1);
    } finally {
      await again.close();
    }
  });

  it('finds the key again after a crash (replayed from the journal)', async () => {
    const dir = await freshDir();
    const { store, first, villageId } = await storeWithFirstWrite(dir);
    const image = await freshDir();
    await cp(dir, image, { recursive: true, filter: (source) => !source.endsWith('.lock') });
    await store.close();
    const again = new MemoryStore({ dataDir: image });
    await again.init();
    try {
      expect((await again.findIdempotencyRecord(claim.idempotency.key))?.resultId).toBe(first.id);
      expect(await again.create('Household', aHousehold({ villageId }), claim)).toEqual(first);
    } finally {
      await again.close();
    }
  });
});
