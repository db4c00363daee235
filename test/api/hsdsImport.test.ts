import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HSDS_SCHEMA_DIR } from '../../src/hsds/hsdsSchemas';
import { listAll } from '../../src/services/listAll';
import { loadDirectorySnapshot } from '../../src/hsds/loadDirectorySnapshot';
import type { ImportReport } from '../../src/hsds/importHsds';
import { runHsdsExport, runHsdsImport } from '../../src/hsds/runHsdsCommands';
import { toHsdsDataset } from '../../src/hsds/toHsds';
import type { GraphStore } from '../../src/store/GraphStore';
import { HSDS_TEST_NOW, storePlacesAndCategories, storeRealDirectory } from '../support/hsdsDirectory';
import { describeEachStore, type StoreUnderTest } from '../support/storesUnderTest';

/**
 * Issue 14 item 1, done when: the official HSDS examples import cleanly; a
 * second import changes nothing; export → import into an empty directory →
 * export gives the same records (JSON and tabular). "Empty" is a store with
 * the reference data only (Dayi places, categories): the import matches them
 * and never creates them.
 */
const EXAMPLES = join(HSDS_SCHEMA_DIR, '3.0-examples');
const quiet = () => {};

describeEachStore('HSDS import ($name store)', (adapter: StoreUnderTest) => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await adapter.open();
    await storePlacesAndCategories(store);
  });
  afterEach(async () => adapter.close(store));

  const directory = async (s: GraphStore) => toHsdsDataset(await loadDirectorySnapshot(s, HSDS_TEST_NOW), { includeProspective: true });
  const errors = (r: ImportReport) => r.lines.filter((l) => l.level === 'error');

  it.each([
    ['the JSON examples', EXAMPLES],
    ['the CSV datapackage', join(EXAMPLES, 'csv')],
    ['the tabular JSON', join(EXAMPLES, 'tabular.json')],
  ])('imports %s cleanly, keeping HSDS ids as external ids; a second import changes nothing', async (_what, path) => {
    const first = await runHsdsImport(store, { path, dryRun: false, log: quiet });
    expect(errors(first)).toEqual([]);
    expect(first.organizations).toMatchObject({ created: 1, failed: 0 });
    expect(first.services).toMatchObject({ created: 1, failed: 0 });
    const [service] = await listAll(store, 'Service');
    expect(service?.externalIds).toEqual(['hsds:ac148810-d857-441c-9679-408f346de14b']);
    expect(service?.name).toBe('Community Counselling');
    const [org] = await listAll(store, 'Organization');
    expect(org?.externalIds).toEqual(['hsds:d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610']);
    const version = await store.version();
    const second = await runHsdsImport(store, { path, dryRun: false, log: quiet });
    expect(second.organizations).toEqual({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    expect(second.services).toEqual({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    expect(await store.version()).toBe(version);
  });

  it.each([['json'], ['csv']])('round-trips the real directory through its %s export: export → import into an empty directory → export is the same', async (form) => {
    // One store at a time (the Neo4j tier shares one database): the source with the real directory, then an empty one.
    await adapter.close(store);
    const source = await adapter.open();
    const out = mkdtempSync(join(tmpdir(), 'hsds-roundtrip-'));
    let before: Awaited<ReturnType<typeof directory>>;
    try {
      await storeRealDirectory(source);
      await runHsdsExport(source, { outDir: out, includeProspective: true, now: HSDS_TEST_NOW, log: quiet });
      before = await directory(source);
    } finally {
      await adapter.close(source);
    }
    store = await adapter.open();
    await storePlacesAndCategories(store);
    const report = await runHsdsImport(store, { path: form === 'json' ? out : join(out, 'csv'), dryRun: false, log: quiet });
    expect(report.lines).toEqual([]);
    expect(report.organizations.created).toBe(before.organizations.length);
    expect(report.services.created).toBe(before.services.length);
    expect(before.services.length).toBeGreaterThan(20);
    const after = await directory(store);
    expect(after).toEqual(before);
    const again = await runHsdsImport(store, { path: out, dryRun: false, log: quiet });
    expect(again.organizations.unchanged + again.services.unchanged).toBe(before.organizations.length + before.services.length);
  });

  it('refuses a record that fails the schema, with its path and reason, and writes nothing of it; the others go in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsds-bad-'));
    const good = JSON.parse(readFileSync(join(EXAMPLES, 'service_full.json'), 'utf8')) as Record<string, unknown>;
    const bad = { ...good, id: '11111111-1111-4111-8111-111111111111', status: 'open', phones: [{ id: '22222222-2222-4222-8222-222222222222' }] };
    writeFileSync(join(dir, 'service_list.json'), JSON.stringify([good, bad]));
    const lines: string[] = [];
    const report = await runHsdsImport(store, { path: dir, dryRun: false, log: (l) => lines.push(l) });
    expect(report.services).toMatchObject({ created: 1, failed: 1 });
    const refused = errors(report).map((l) => `${l.source} ${l.message}`);
    expect(refused).toEqual(
      expect.arrayContaining([expect.stringMatching(/^service_list\.json#\/1 \/status must be equal to one of the allowed values/), expect.stringMatching(/^service_list\.json#\/1 \/phones\/0\/number is required/)]),
    );
    expect((await listAll(store, 'Service')).map((s) => s.externalIds)).toEqual([['hsds:ac148810-d857-441c-9679-408f346de14b']]);
    expect(lines.some((l) => /^hsds:import: 2\/2 records checked/.test(l) || /records checked/.test(l))).toBe(true);
  });

  it('refuses a service whose organisation is not in the dataset or the store, and a tabular row that fails takes its parent with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsds-orphan-'));
    const orphan = { id: '33333333-3333-4333-8333-333333333333', organization_id: '44444444-4444-4444-8444-444444444444', name: 'Orphan (synthetic)', status: 'active' };
    writeFileSync(join(dir, 'service_orphan.json'), JSON.stringify(orphan));
    const report = await runHsdsImport(store, { path: dir, dryRun: false, log: quiet });
    expect(report.services.failed).toBe(1);
    expect(errors(report)[0]).toMatchObject({ source: 'service_orphan.json', message: expect.stringMatching(/organization_id 44444444-.* names no organization/) });

    const csv = mkdtempSync(join(tmpdir(), 'hsds-csv-'));
    for (const f of ['organizations.csv', 'services.csv', 'phones.csv']) writeFileSync(join(csv, f), readFileSync(join(EXAMPLES, 'csv', f), 'utf8'));
    // A phone row without its required number: the service it belongs to is refused, the organisation goes in.
    writeFileSync(join(csv, 'phones.csv'), 'id,service_id,number\r\n1554f2e2-a373-45db-a3fa-9fc48a61c15e,ac148810-d857-441c-9679-408f346de14b,\r\n');
    const tabular = await runHsdsImport(store, { path: csv, dryRun: false, log: quiet });
    expect(tabular.organizations.created).toBe(1);
    expect(tabular.services).toMatchObject({ created: 0, failed: 1 });
    expect(errors(tabular).map((l) => l.source)).toEqual(expect.arrayContaining(['phones.csv row 2', 'services.csv row 2']));
    expect(await listAll(store, 'Service')).toEqual([]);
  });

  it('writes nothing on a dry run, and reports what it would do', async () => {
    const version = await store.version();
    const report = await runHsdsImport(store, { path: EXAMPLES, dryRun: true, log: quiet });
    expect(report.services.created).toBe(1);
    expect(await listAll(store, 'Service')).toEqual([]);
    expect(await listAll(store, 'Organization')).toEqual([]);
    expect(await store.version()).toBe(version);
  });
});
