import { appendFile, cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Referral } from '../../../src/domain/model';
import { HuzhuError } from '../../../src/errors/HuzhuError';
import { JOURNAL_FILE, MemoryStore, SNAPSHOT_FILE } from '../../../src/store/memory/MemoryStore';
import { encodeFramedLine } from '../../../src/store/memory/framedLines';
import { failure } from '../../contract/graphStoreContract';
import { aCategory, aHousehold, aReferralFor, aTownship, anAuditEvent, smallNetwork, storeNetwork, type SmallNetwork } from '../../support/builders';

/**
 * Durability of the memory store. A crash is simulated by copying the data
 * directory while the store is still open (the copy is exactly what a crash
 * at that moment leaves on disk) and opening a second store on the copy.
 */

const directories: string[] = [];
const stores: MemoryStore[] = [];

async function freshDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'huzhu-journal-'));
  directories.push(dir);
  return dir;
}

async function openStore(dataDir: string, compactAfterBytes?: number): Promise<MemoryStore> {
  const store = new MemoryStore({ dataDir, ...(compactAfterBytes === undefined ? {} : { compactAfterBytes }) });
  await store.init();
  stores.push(store);
  return store;
}

/** What a crash right now would leave on disk, as a directory of its own. */
async function crashImage(dataDir: string): Promise<string> {
  const image = await freshDirectory();
  await cp(dataDir, image, { recursive: true });
  return image;
}

/** Everything observable about a store, to compare a reopened store with the one that wrote. */
async function observe(store: MemoryStore) {
  const list = async (kind: 'Household' | 'Need' | 'Referral' | 'Service' | 'AuditEvent' | 'Relationship') =>
    (await store.list(kind, {}, { first: 10_000 })).items;
  return {
    version: await store.version(),
    categories: await store.listCategories(),
    households: await list('Household'),
    needs: await list('Need'),
    services: await list('Service'),
    referrals: await list('Referral'),
    relationships: await list('Relationship'),
    audit: await list('AuditEvent'),
    top: await store.topVulnerableHouseholds(100, {}),
    stats: await store.householdStatsByVillage(),
  };
}

/** A network plus one of each kind of write, so every op type is in the journal. */
async function writeHistory(store: MemoryStore): Promise<{ net: SmallNetwork; referral: Referral }> {
  const net = smallNetwork();
  await storeNetwork(store, net);
  const { referral } = await store.createReferral(aReferralFor(net.needs[0], net.services[0]));
  await store.transitionReferral(referral.id, 'SENT', { status: 'ACCEPTED', at: '2025-01-03T00:00:00.000Z', actorId: net.people[2].id, reason: null, note: null }, null);
  await store.update('Household', { ...net.households[2], size: 4, version: 2 }, { expectedVersion: 1 });
  await store.setServiceCapacity(net.services[1].id, 3);
  await store.appendAudit(anAuditEvent({ entityId: net.households[0].id }));
  await store.upsertCategories([aCategory({ code: 'EMPLOYMENT', nameEn: 'Employment' })]);
  return { net, referral };
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
  for (const dir of directories.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('memory store durability', () => {
  it('recovers every acknowledged write after a crash', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    await writeHistory(store);
    const reopened = await openStore(await crashImage(dir));
    expect(await observe(reopened)).toEqual(await observe(store));
  });

  it('recovers every write after a clean close and reopen', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    await writeHistory(store);
    const before = await observe(store);
    await store.close();
    const reopened = await openStore(dir);
    expect(await observe(reopened)).toEqual(before);
  });

  it('keeps counting versions up across a restart', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    await writeHistory(store);
    const version = await store.version();
    await store.close();
    const reopened = await openStore(dir);
    await reopened.upsertCategories([aCategory({ code: 'DISABILITY', nameEn: 'Disability support' })]);
    expect(await reopened.version()).toBe(version); // categories are not the stakeholder projection (GraphStore.version)
    await reopened.create('Township', aTownship());
    expect(await reopened.version()).toBe(version + 1);
  });

  it('keeps the uniqueness and capacity state across a restart', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    const { net } = await writeHistory(store);
    await store.setServiceCapacity(net.services[0].id, 1);
    const reopened = await openStore(await crashImage(dir));
    const clash = aHousehold({ villageId: net.villages[0].id, householdCode: net.households[0].householdCode });
    expect((await failure(reopened.create('Household', clash))).code).toBe('CONFLICT');
    expect((await failure(reopened.createReferral(aReferralFor(net.needs[4], net.services[0])))).code).toBe('CAPACITY_EXHAUSTED');
  });
});

describe('memory store after a torn write', () => {
  it('drops a torn last line (no newline) and keeps everything before it', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    await writeHistory(store);
    const image = await crashImage(dir);
    const journal = join(image, JOURNAL_FILE);
    const intact = (await stat(journal)).size;
    const torn = encodeFramedLine({ v: 999, ops: [{ o: 'put', k: 'Household', e: aHousehold() }] });
    await appendFile(journal, torn.subarray(0, Math.floor(torn.length / 2)));

    const reopened = await openStore(image);
    expect(await observe(reopened)).toEqual(await observe(store));
    expect((await stat(journal)).size).toBe(intact);
  });

  it('drops a complete last line whose checksum does not match', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    const { net } = await writeHistory(store);
    const image = await crashImage(dir);
    const line = encodeFramedLine({ v: (await store.version()) + 1, ops: [{ o: 'put', k: 'Household', e: aHousehold({ villageId: net.villages[0].id }) }] });
    line[0] = line[0] === 0x30 ? 0x31 : 0x30; // first checksum digit: '0' ↔ '1'
    await appendFile(join(image, JOURNAL_FILE), line);

    const reopened = await openStore(image);
    expect(await observe(reopened)).toEqual(await observe(store));
  });

  it('drops every line of an unfinished multi-line write, never half of it', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    const { net } = await writeHistory(store);
    const before = await observe(store);
    const bulk = Array.from({ length: 2500 }, () => aHousehold({ villageId: net.villages[1].id }));
    await store.upsertMany('Household', bulk); // 3 journal lines
    const image = await crashImage(dir);
    const journal = join(image, JOURNAL_FILE);
    const lines = (await readFile(journal, 'utf8')).split('\n').filter((l) => l.length > 0);
    expect(lines.length).toBeGreaterThan(3);
    await writeFile(journal, `${lines.slice(0, -1).join('\n')}\n`); // the last line of the bulk write never made it

    const reopened = await openStore(image);
    expect(await observe(reopened)).toEqual(before);
    expect(await reopened.getMany('Household', [bulk[0]?.id ?? '', bulk[2499]?.id ?? ''])).toEqual([null, null]);
  });

  it('accepts new writes after dropping a torn tail, and keeps them over the next restart', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    const { net } = await writeHistory(store);
    const image = await crashImage(dir);
    await appendFile(join(image, JOURNAL_FILE), '0badc0de {"v":');
    const reopened = await openStore(image);
    const late = aHousehold({ villageId: net.villages[2].id });
    await reopened.create('Household', late);
    await reopened.close();
    const again = await openStore(image);
    expect(await again.getMany('Household', [late.id])).toEqual([late]);
  });
});

describe('memory store with a damaged file', () => {
  it('refuses to start when a line in the middle of the journal is damaged, naming the file and line', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    await writeHistory(store);
    const image = await crashImage(dir);
    const journal = join(image, JOURNAL_FILE);
    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[2] = (lines[2] as string).replace('"v":', '"v" :'); // still JSON, but not the bytes that were checksummed
    await writeFile(journal, lines.join('\n'));

    const damaged = new MemoryStore({ dataDir: image });
    const error = await failure(damaged.init());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain(journal);
    expect(error.message).toMatch(/line 3\b/);
    await expect(damaged.getMany('Household', [])).rejects.toBeInstanceOf(HuzhuError);
  });

  it('refuses to start when the snapshot is damaged', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    await writeHistory(store);
    await store.close();
    const snapshot = join(dir, SNAPSHOT_FILE);
    const text = await readFile(snapshot, 'utf8');
    await writeFile(snapshot, text.slice(0, Math.floor(text.length / 2)));

    const error = await failure(new MemoryStore({ dataDir: dir }).init());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain(snapshot);
  });
});

describe('memory store compaction', () => {
  it('folds the journal into a snapshot once it outgrows the threshold and the last snapshot, keeping every record', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir, 4 * 1024);
    const { net } = await writeHistory(store);
    let written = 0;
    for (let i = 0; i < 60; i += 1) {
      await store.create('Household', aHousehold({ villageId: (net.villages[i % 3] ?? net.villages[0]).id }));
      written = Math.max(written, (await stat(join(dir, JOURNAL_FILE))).size);
    }
    // Compaction is queued behind the write that crossed the line; the next write waits for it.
    await store.upsertCategories([aCategory({ code: 'EDUCATION', nameEn: 'Education' })]);
    const snapshot = (await stat(join(dir, SNAPSHOT_FILE))).size;
    expect(snapshot).toBeGreaterThan(0);
    expect((await stat(join(dir, JOURNAL_FILE))).size).toBeLessThan(Math.max(4 * 1024, snapshot) + 2048);
    expect(written).toBeLessThan(Math.max(4 * 1024, snapshot) + 2048);

    const reopened = await openStore(await crashImage(dir));
    expect(await observe(reopened)).toEqual(await observe(store));
  });

  it('compacts on close, leaving an empty journal and a snapshot with everything', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    await writeHistory(store);
    const before = await observe(store);
    await store.close();
    expect((await stat(join(dir, JOURNAL_FILE))).size).toBe(0);
    expect(await observe(await openStore(dir))).toEqual(before);
  });

  it('skips journal records the snapshot already holds (a crash between snapshot and journal reset)', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    await writeHistory(store);
    const journalBeforeCompaction = await readFile(join(dir, JOURNAL_FILE));
    const before = await observe(store);
    await store.close(); // snapshot written, journal emptied
    await writeFile(join(dir, JOURNAL_FILE), journalBeforeCompaction); // as if the reset never happened

    const reopened = await openStore(dir);
    expect(await observe(reopened)).toEqual(before);
  });

  it('ignores a temp snapshot left by a crash mid-compaction', async () => {
    const dir = await freshDirectory();
    const store = await openStore(dir);
    await writeHistory(store);
    const image = await crashImage(dir);
    await writeFile(join(image, `${SNAPSHOT_FILE}.tmp`), 'half a snapshot');
    expect(await observe(await openStore(image))).toEqual(await observe(store));
  });
});

describe('memory store lifecycle', () => {
  it('refuses calls before init() with UNAVAILABLE', async () => {
    const store = new MemoryStore({ dataDir: await freshDirectory() });
    expect((await failure(store.version())).code).toBe('UNAVAILABLE');
    expect((await failure(store.upsertCategories([aCategory()]))).code).toBe('UNAVAILABLE');
  });

  it('refuses calls after close() with UNAVAILABLE', async () => {
    const store = await openStore(await freshDirectory());
    await store.close();
    expect((await failure(store.ping())).code).toBe('UNAVAILABLE');
    expect((await failure(store.getMany('Household', []))).code).toBe('UNAVAILABLE');
  });

  it('refuses a data directory another live process holds', async () => {
    const dir = await freshDirectory();
    await writeFile(join(dir, 'LOCK'), `${process.ppid}\n`);
    const error = await failure(new MemoryStore({ dataDir: dir }).init());
    expect(error.message).toContain(`in use by process ${process.ppid}`);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = await freshDirectory();
    await writeFile(join(dir, 'LOCK'), '2147483646\n');
    const store = await openStore(dir);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('works without init() when purely in memory', async () => {
    const store = new MemoryStore({ dataDir: null });
    await store.upsertCategories([aCategory()]);
    expect(await store.listCategories()).toEqual([aCategory()]);
  });
});
