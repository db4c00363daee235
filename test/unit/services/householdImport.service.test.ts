import { seedStore } from '../../../src/seed/seedStore';
import { importHouseholds, type HouseholdImportReport } from '../../../src/services/householdImport';
import { listAll } from '../../../src/services/listAll';
import { MemoryStore } from '../../../src/store/memory/MemoryStore';
import { anImportScope, csvOf, importFixture } from '../../support/importFixtures';

const NOW = new Date('2026-12-01T10:00:00Z');
const EN = ['householdCode', 'village', 'size', 'headName', 'headPhone'];

describe('importHouseholds (memory store, the real Dayi places, no households)', () => {
  let store: MemoryStore;
  const ctx = () => ({ store, now: () => NOW });
  const households = async () => listAll(store, 'Household');
  const run = (bytes: Buffer, options: Partial<{ dryRun: boolean; mode: 'ALL_OR_NOTHING' | 'VALID_ROWS' }> = {}, scope = anImportScope()) =>
    importHouseholds(ctx(), bytes, { fileName: 'test.csv', dryRun: false, mode: 'ALL_OR_NOTHING', ...options }, scope);
  const statuses = (report: HouseholdImportReport) => report.rows.map((r) => [r.row, r.status]);

  beforeEach(async () => {
    store = new MemoryStore({ dataDir: null });
    await seedStore(store, { households: 0, seed: 1 });
  });
  afterEach(async () => store.close());

  it('imports the GBK-encoded CSV: Chinese headers and labels, villages by name, code and township/name', async () => {
    const report = await run(importFixture('households-gbk.csv'));
    expect(report).toMatchObject({ format: 'CSV', encoding: 'GB18030', headerLanguage: 'ZH', committed: true, totalRows: 3, createdCount: 3, fileIssues: [] });
    expect(statuses(report)).toEqual([[2, 'CREATED'], [3, 'CREATED'], [4, 'CREATED']]);
    const stored = await households();
    expect(stored.map((h) => [h.householdCode, h.villageId, h.head.name, h.markers, h.synthetic]).sort()).toEqual([
      ['SYN-GBK-0001', 'vil_510129001002', '合成户主甲', ['SOLITARY_ELDERLY', 'DIBAO'], false],
      ['SYN-GBK-0002', 'vil_510129001003', '合成户主乙', ['DISABILITY_CERTIFICATE'], false],
      ['SYN-GBK-0003', 'vil_510129001004', '合成户主丙', ['LEFT_BEHIND_CHILDREN'], false],
    ]);
    expect(report.rows.map((r) => r.householdId).sort()).toEqual(stored.map((h) => h.id).sort());
    expect(stored.find((h) => h.householdCode === 'SYN-GBK-0002')?.disabilityGrade).toBe(2);
  });

  it('imports the .xlsx of the template', async () => {
    const report = await run(importFixture('households-template.xlsx'));
    expect(report).toMatchObject({ format: 'XLSX', encoding: null, committed: true, createdCount: 3 });
    expect((await households()).map((h) => h.head.name).sort()).toEqual(['合成户主丁', '合成户主己', '合成户主戊']);
  });

  it('refuses a file with bad rows whole, listing every bad row with the API field path', async () => {
    const report = await run(importFixture('households-bad-rows.csv'));
    expect(report).toMatchObject({ committed: false, createdCount: 0, totalRows: 6, validRows: 1, invalidRows: 5 });
    expect(statuses(report)).toEqual([[2, 'SKIPPED'], [3, 'INVALID'], [4, 'INVALID'], [5, 'INVALID'], [6, 'INVALID'], [7, 'INVALID']]);
    const issues = report.rows.flatMap((r) => r.issues.map((i) => [i.row, i.fieldPath.join('.'), i.reason]));
    expect(issues).toEqual([
      [3, 'size', 'too_small'],
      [4, 'villageId', 'unknown_village'],
      [5, 'head.name', 'required'],
      [6, 'memberAgeBands.0', 'invalid_choice'],
      [6, 'head.phone', 'invalid_format'],
      [7, 'disabilityGrade', 'invalid'],
    ]);
    expect(await households()).toEqual([]);
  });

  it('imports only the valid rows when the user chooses VALID_ROWS, still reporting the bad ones', async () => {
    const report = await run(importFixture('households-bad-rows.csv'), { mode: 'VALID_ROWS' });
    expect(report).toMatchObject({ committed: true, createdCount: 1, invalidRows: 5 });
    expect((await households()).map((h) => h.householdCode)).toEqual(['SYN-BAD-0001']);
  });

  it('a dry run (the preview) reports and writes nothing', async () => {
    const report = await run(importFixture('households-gbk.csv'), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, committed: false, validRows: 3, createdCount: 0 });
    expect(statuses(report)).toEqual([[2, 'VALID'], [3, 'VALID'], [4, 'VALID']]);
    expect(report.previewRows[0]?.slice(0, 2)).toEqual(['SYN-GBK-0001', '南街社区']);
    expect(await households()).toEqual([]);
  });

  it('reports a registered household code as a duplicate naming it, and merges nothing', async () => {
    await run(importFixture('households-gbk.csv'));
    const before = await households();
    const report = await run(importFixture('households-gbk.csv'));
    expect(report).toMatchObject({ committed: false, duplicateRows: 3 });
    const first = before.find((h) => h.householdCode === 'SYN-GBK-0001');
    expect(report.rows[0]).toMatchObject({ status: 'DUPLICATE', duplicate: { by: 'HOUSEHOLD_CODE', existing: true, existingHouseholdId: first?.id, otherRow: null } });
    expect(await households()).toEqual(before);
  });

  it('reports the same village, head and phone without a code as a duplicate, in the store and within the file', async () => {
    await run(csvOf(EN, [['', '510129001002', '2', '合成户主庚', '138-0000-0301']]));
    const report = await run(
      csvOf(EN, [
        ['', '南街社区', '3', '合成户主庚', '13800000301'], // the registered one (phone written differently)
        ['', '510129001003', '1', '合成户主辛', '13800000302'],
        ['', '510129001003', '1', '合成户主辛', '13800000302'], // repeats row 3
        ['', '510129001003', '1', '合成户主辛', ''], // no phone: not the rule's duplicate
      ]),
      { mode: 'VALID_ROWS' },
    );
    expect(report.rows.map((r) => [r.row, r.status, r.duplicate?.by ?? null, r.duplicate?.otherRow ?? null])).toEqual([
      [2, 'DUPLICATE', 'VILLAGE_HEAD_PHONE', null],
      [3, 'CREATED', null, null],
      [4, 'DUPLICATE', 'VILLAGE_HEAD_PHONE', 3],
      [5, 'CREATED', null, null],
    ]);
    expect(await households()).toHaveLength(3);
  });

  it('hides which household a duplicate repeats from an importer who may not read it', async () => {
    await run(importFixture('households-gbk.csv'));
    const report = await run(importFixture('households-gbk.csv'), {}, anImportScope({ mayReadHousehold: async () => false }));
    expect(report.rows[0]?.duplicate).toMatchObject({ existing: true, existingHouseholdId: null });
  });

  it('refuses rows of villages outside the importer\'s scope, at villageId', async () => {
    const scope = anImportScope({ mayWriteVillage: async (id) => id !== 'vil_510129001003' });
    const report = await run(importFixture('households-gbk.csv'), {}, scope);
    expect(report.committed).toBe(false);
    expect(report.rows[1]).toMatchObject({ status: 'INVALID', issues: [expect.objectContaining({ row: 3, fieldPath: ['villageId'], reason: 'out_of_scope' })] });
    expect(await households()).toEqual([]);
  });

  it('refuses a file with an unknown or missing column whatever the mode', async () => {
    const report = await run(csvOf(['village', 'headName', 'income'], [['510129001002', '合成', '1']]), { mode: 'VALID_ROWS' });
    expect(report.fileIssues.map((i) => i.reason)).toEqual(['unknown_column', 'missing_column']);
    expect(report.committed).toBe(false);
    expect(await households()).toEqual([]);
  });

  it('records one WRITE audit event per run, with the file digest and counts, no row values', async () => {
    const report = await run(importFixture('households-gbk.csv'));
    const events = await listAll(store, 'AuditEvent', { actorId: 'test-importer' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'WRITE', entityKind: 'HouseholdImport', entityId: `sha256:${report.fileSha256}`, role: 'COORDINATOR' });
    expect(events[0]?.fields).toEqual(['import:households', 'mode:ALL_OR_NOTHING', 'dryRun:false', 'rows:3', 'valid:3', 'writing:3']);
    expect(JSON.stringify(events)).not.toMatch(/合成户主|1380000/);
  });

  it('tells progress as it validates and writes', async () => {
    const seen: string[] = [];
    await importHouseholds(ctx(), importFixture('households-gbk.csv'), { fileName: 'x', dryRun: false, mode: 'ALL_OR_NOTHING', onProgress: (p) => seen.push(`${p.phase}:${p.done}/${p.total}`) }, anImportScope());
    expect(seen).toEqual(['read:3/3', 'validate:3/3', 'write:0/3', 'write:3/3']);
  });
});
