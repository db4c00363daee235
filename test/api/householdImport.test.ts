import { readSpreadsheet } from '../../src/importing/readSpreadsheet';
import { templateHeader } from '../../src/importing/householdTemplate';
import { listAll } from '../../src/services/listAll';
import { seedStore } from '../../src/seed/seedStore';
import type { GraphStore } from '../../src/store/GraphStore';
import { csvOf, importFixture } from '../support/importFixtures';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';

const IMPORT = `mutation($input: ImportHouseholdsInput!) {
  importHouseholds(input: $input) {
    format encoding headerLanguage dryRun mode committed totalRows validRows invalidRows duplicateRows createdCount
    fileIssues { reason fieldPath }
    rows { row status householdId issues { row fieldPath reason } duplicate { by existing existingHouseholdId otherRow } }
  }
}`;
const EXPORT_HOUSEHOLDS = `query($format: SheetFormat!, $townshipId: ID) { exportHouseholds(format: $format, townshipId: $townshipId) { fileName mimeType contentBase64 rowCount columns } }`;
const EXPORT_REFERRALS = `query($format: SheetFormat!) { exportReferrals(format: $format) { fileName contentBase64 rowCount columns } }`;
const TEMPLATE = `query($format: SheetFormat!, $language: HeaderLanguage!) { householdImportTemplate(format: $format, language: $language) { fileName mimeType contentBase64 } }`;

const JINYUAN = 'twp_510129001000';
const OTHER_TOWNSHIP = 'twp_510129101000';

interface Report {
  committed: boolean;
  createdCount: number;
  rows: Array<{ row: number; status: string; householdId: string | null; issues: Array<{ row: number; fieldPath: string[]; reason: string }>; duplicate: { existingHouseholdId: string | null } | null }>;
  [key: string]: unknown;
}
interface SheetFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
  rowCount: number;
  columns: string[];
}

describeEachStore('household import and field exports over the API ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let coordinator: string;
  let otherCoordinator: string;
  let socialWorker: string;
  let volunteer: string;

  /** POST /graphql with a purpose header (the test server's gql has none). */
  const ask = async <T>(query: string, variables: Record<string, unknown>, token: string, purpose?: string) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(purpose ? { 'x-huzhu-purpose': purpose } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    return { ...json, headers: res.headers };
  };
  const upload = (file: Buffer, token: string, options: { dryRun?: boolean; mode?: string } = {}) =>
    ask<{ importHouseholds: Report }>(IMPORT, { input: { fileName: 'households.csv', contentBase64: file.toString('base64'), dryRun: options.dryRun ?? false, mode: options.mode ?? 'ALL_OR_NOTHING' } }, token);
  const householdCount = async () => (await store.list('Household', {}, { first: 1 })).totalCount;

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 30, seed: 5 });
    server = await startTestServer(store);
    coordinator = await server.token({ sub: 'test-coordinator', role: 'COORDINATOR', townships: [JINYUAN] });
    otherCoordinator = await server.token({ sub: 'test-coordinator-2', role: 'COORDINATOR', townships: [OTHER_TOWNSHIP] });
    socialWorker = await server.token({ sub: 'test-social-worker', role: 'SOCIAL_WORKER', villages: ['vil_510129001002', 'vil_510129001003', 'vil_510129001004'] });
    volunteer = await server.token({ sub: 'test-volunteer', role: 'VOLUNTEER', villages: ['vil_510129001002'] });
  }, 240_000); // seeding Neo4j on a busy machine
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  it('previews the GBK CSV (dry run: a report, nothing written), then imports it; the households are listed', async () => {
    const before = await householdCount();
    const preview = await upload(importFixture('households-gbk.csv'), coordinator, { dryRun: true });
    expect(preview.errors).toBeUndefined();
    expect(preview.data?.importHouseholds).toMatchObject({ format: 'CSV', encoding: 'GB18030', headerLanguage: 'ZH', dryRun: true, committed: false, validRows: 3 });
    expect(await householdCount()).toBe(before);

    const done = await upload(importFixture('households-gbk.csv'), coordinator);
    expect(done.data?.importHouseholds).toMatchObject({ committed: true, createdCount: 3 });
    const ids = done.data!.importHouseholds.rows.map((r) => r.householdId);
    const listed = await ask<{ households: { nodes: Array<{ id: string; head: { name: string } }> } }>(
      `{ households(first: 100, filter: { townshipId: "${JINYUAN}" }) { nodes { id head { name } } } }`,
      {},
      coordinator,
    );
    expect(listed.data?.households.nodes.filter((n) => ids.includes(n.id)).map((n) => n.head.name).sort()).toEqual(['合成户主丙', '合成户主乙', '合成户主甲']);
  });

  it('imports the .xlsx of the template', async () => {
    const res = await upload(importFixture('households-template.xlsx'), coordinator);
    expect(res.data?.importHouseholds).toMatchObject({ format: 'XLSX', committed: true, createdCount: 3 });
  });

  it('reports a second upload of the same file as duplicates naming the households, and writes nothing', async () => {
    const before = await householdCount();
    const res = await upload(importFixture('households-gbk.csv'), coordinator);
    expect(res.data?.importHouseholds).toMatchObject({ committed: false, duplicateRows: 3, createdCount: 0 });
    expect(res.data?.importHouseholds.rows.every((r) => r.status === 'DUPLICATE' && r.duplicate?.existingHouseholdId?.startsWith('hh_'))).toBe(true);
    expect(await householdCount()).toBe(before);
  });

  it('refuses a file with bad rows whole, every bad row listed with its field path; VALID_ROWS imports the good one', async () => {
    const before = await householdCount();
    const refused = await upload(importFixture('households-bad-rows.csv'), coordinator);
    const report = refused.data!.importHouseholds;
    expect(report).toMatchObject({ committed: false, invalidRows: 5, createdCount: 0 });
    expect(report.rows.filter((r) => r.status === 'INVALID').map((r) => [r.row, r.issues.map((i) => i.fieldPath.join('.'))])).toEqual([
      [3, ['size']],
      [4, ['villageId']],
      [5, ['head.name']],
      [6, ['memberAgeBands.0', 'head.phone']],
      [7, ['disabilityGrade']],
    ]);
    expect(await householdCount()).toBe(before);
    const chosen = await upload(importFixture('households-bad-rows.csv'), coordinator, { mode: 'VALID_ROWS' });
    expect(chosen.data?.importHouseholds).toMatchObject({ committed: true, createdCount: 1 });
    expect(await householdCount()).toBe(before + 1);
  });

  it('is scoped like registerHousehold: rows of another township are refused at villageId, nothing written', async () => {
    const before = await householdCount();
    const file = csvOf(['village', 'size', 'headName'], [['510129001002', '2', '合成户主壬']]);
    const res = await upload(file, otherCoordinator);
    expect(res.data?.importHouseholds.rows[0]).toMatchObject({ status: 'INVALID', issues: [{ row: 2, fieldPath: ['villageId'], reason: 'out_of_scope' }] });
    expect(await householdCount()).toBe(before);
  });

  it('is refused to a volunteer (FORBIDDEN) and to an anonymous caller (UNAUTHENTICATED)', async () => {
    expect((await upload(importFixture('households-gbk.csv'), volunteer)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const anonymous = await server.gql(IMPORT, { input: { fileName: 'x.csv', contentBase64: 'eA==', dryRun: true } });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a file over the upload limit at input.contentBase64', async () => {
    const res = await upload(Buffer.alloc(700 * 1024 + 1, 0x61), coordinator);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['input', 'contentBase64'] });
  });

  it('audits each run: the guard\'s WRITE event and the import\'s own, with no row values', async () => {
    await upload(importFixture('households-gbk.csv'), coordinator, { dryRun: true });
    const events = await listAll(store, 'AuditEvent', { actorId: 'test-coordinator' });
    expect(events.some((e) => e.fields[0] === 'mutation:importHouseholds')).toBe(true);
    expect(events.some((e) => e.entityKind === 'HouseholdImport' && e.fields.includes('dryRun:true'))).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/合成户主|13800000/);
  });

  it('hands out the template in both languages and formats; its example row is what the import reads', async () => {
    for (const language of ['ZH', 'EN'] as const) {
      const res = await ask<{ householdImportTemplate: SheetFile }>(TEMPLATE, { format: 'XLSX', language }, coordinator);
      const sheet = await readSpreadsheet(Buffer.from(res.data!.householdImportTemplate.contentBase64, 'base64'));
      expect(sheet.header).toEqual(templateHeader(language));
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const csv = await ask<{ householdImportTemplate: SheetFile }>(TEMPLATE, { format: 'CSV', language: 'EN' }, coordinator);
    const dry = await upload(Buffer.from(csv.data!.householdImportTemplate.contentBase64, 'base64'), coordinator, { dryRun: true });
    expect(dry.data?.importHouseholds).toMatchObject({ headerLanguage: 'EN', validRows: 1, fileIssues: [] });
  });

  describe('exports', () => {
    const exported = async (query: string, variables: Record<string, unknown>, token: string, purpose?: string) => {
      const res = await ask<Record<string, SheetFile>>(query, variables, token, purpose);
      expect(res.errors).toBeUndefined();
      const file = Object.values(res.data!)[0]!;
      return { file, sheet: await readSpreadsheet(Buffer.from(file.contentBase64, 'base64')), headers: res.headers };
    };

    it('exports a coordinator\'s households within scope, every column the role may read, never cached', async () => {
      const { file, sheet, headers } = await exported(EXPORT_HOUSEHOLDS, { format: 'CSV' }, coordinator);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(file.mimeType).toMatch(/^text\/csv/);
      expect(sheet.header).toEqual(expect.arrayContaining(['户主姓名 headName', '户主电话 headPhone', '困难标记 markers', '贷款金额（元） loanAmountYuan']));
      const villageColumn = sheet.header.indexOf('乡镇（街道） township');
      expect(sheet.rows.length).toBe(file.rowCount);
      expect(new Set(sheet.rows.map((r) => r.cells[villageColumn]))).toEqual(new Set(['晋原街道']));
      const inScope = (await listAll(store, 'Household', { townshipId: JINYUAN })).length;
      expect(file.rowCount).toBe(inScope);
    });

    it('leaves out the loan columns for a social worker and every sensitive column under the REPORTING purpose', async () => {
      const worker = await exported(EXPORT_HOUSEHOLDS, { format: 'XLSX' }, socialWorker);
      expect(worker.sheet.header).toContain('户主电话 headPhone');
      expect(worker.sheet.header.some((h) => h.startsWith('贷款'))).toBe(false);
      const reporting = await exported(EXPORT_HOUSEHOLDS, { format: 'CSV' }, coordinator, 'REPORTING');
      expect(reporting.sheet.header).toEqual(['编号 id', '乡镇（街道） township', '村（社区） village', '家庭人数 size', '合成数据 synthetic', '登记时间 createdAt']);
    });

    it('gives an out-of-scope township filter an empty file, and audits every export with its columns', async () => {
      const { file } = await exported(EXPORT_HOUSEHOLDS, { format: 'CSV', townshipId: OTHER_TOWNSHIP }, coordinator);
      expect(file.rowCount).toBe(0);
      const events = (await listAll(store, 'AuditEvent', { actorId: 'test-coordinator' })).filter((e) => e.entityKind === 'HouseholdExport');
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(events.at(-1)?.fields).toEqual(expect.arrayContaining(['export:households', 'format:CSV', 'rows:0', 'Household.head.phone']));
    });

    it('exports referrals with the household contact for a coordinator, not the case notes under REPORTING', async () => {
      const hh = await ask<{ registerHousehold: { id: string } }>(
        `mutation { registerHousehold(input: { villageId: "vil_510129001002", size: 1, head: { name: "合成户主癸", phone: "13800000999" } }) { id } }`,
        {},
        coordinator,
      );
      const need = await ask<{ recordNeed: { id: string } }>(`mutation($h: ID!) { recordNeed(input: { householdId: $h, category: "ELDERLY_CARE", urgency: HIGH }) { id } }`, { h: hh.data!.registerHousehold.id }, coordinator);
      const referral = await ask(
        `mutation($n: ID!) { createReferral(input: { needId: $n, serviceId: "svc_station-510129001000-social-work", idempotencyKey: "test-export-referral-1", consentOverrideReason: "synthetic override" }) { created } }`,
        { n: need.data!.recordNeed.id },
        coordinator,
      );
      expect(referral.errors).toBeUndefined();
      const full = await exported(EXPORT_REFERRALS, { format: 'CSV' }, coordinator);
      expect(full.file.rowCount).toBeGreaterThanOrEqual(1);
      const phone = full.sheet.header.indexOf('户主电话 headPhone');
      expect(full.sheet.rows.some((r) => r.cells[phone] === '13800000999')).toBe(true);
      const reporting = await exported(EXPORT_REFERRALS, { format: 'CSV' }, coordinator, 'REPORTING');
      expect(reporting.sheet.header).not.toContain('户主电话 headPhone');
      expect(reporting.sheet.header).not.toContain('同意豁免理由 consentOverrideReason');
      const outside = await exported(EXPORT_REFERRALS, { format: 'CSV' }, otherCoordinator);
      expect(outside.file.rowCount).toBe(0);
    });

    it('is refused to a volunteer', async () => {
      const res = await ask(EXPORT_HOUSEHOLDS, { format: 'CSV' }, volunteer);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });
  });
});
