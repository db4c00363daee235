import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '../../../src/store/memory/MemoryStore';
import { anAccount } from '../../support/builders';

/** The memory store keeps accounts across restarts: from the journal, and from a snapshot after compaction. */
describe('MemoryStore accounts on disk', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'huzhu-memory-accounts-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  async function reopened(options: { compactAfterBytes?: number } = {}): Promise<MemoryStore> {
    const store = new MemoryStore({ dataDir, ...options });
    await store.init();
    return store;
  }

  it('replays account writes from the journal, counters and all', async () => {
    const store = await reopened();
    const account = await store.createAccount(anAccount({ login: 'kept-login' }));
    const failed = await store.recordAccountLoginFailure(account.id, { at: '2026-12-01T09:00:00.000Z', lockAfter: 5, lockUntil: '2026-12-01T09:15:00.000Z' });
    // Close without compacting would be a crash; a second process reading the journal sees the same.
    await store.close();
    const again = await reopened();
    try {
      expect(await again.findAccountByLogin('kept-login')).toEqual(failed);
      expect((await again.listAccounts({ first: 10 })).totalCount).toBe(1);
    } finally {
      await again.close();
    }
  });

  it('writes accounts into the snapshot and reads them back from it', async () => {
    const store = await reopened({ compactAfterBytes: 1 });
    const accounts = [anAccount(), anAccount(), anAccount()];
    for (const a of accounts) await store.createAccount(a);
    await store.close(); // compacts into snapshot.jsonl and empties the journal
    const again = await reopened();
    try {
      const ids = accounts.map((a) => a.id);
      expect(await again.getAccounts(ids)).toEqual(accounts);
    } finally {
      await again.close();
    }
  });
});
