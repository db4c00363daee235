import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AuditEvent, type Household, type Township, type Village } from '../domain/model';
import { isHuzhuError } from '../errors/HuzhuError';
import { reasonOf } from '../errors/fromZodError';
import { householdRowInput, mapHeader, type ImportIssue, type VillageLookup } from '../importing/householdRowInput';
import { readSpreadsheet, type Spreadsheet } from '../importing/readSpreadsheet';
import { auditEventId, auditWrite, type AuditActor } from './audit';
import { newHousehold, RegisterHouseholdInput } from './households';
import { listAll } from './listAll';
import type { ServiceContext } from './ServiceContext';

/**
 * The household import (issue 14 item 2): a spreadsheet in, a row-by-row
 * report out. Each row is the input of registerHousehold, parsed by the same
 * zod schema into the same record (newHousehold), so its issues carry the
 * API's field paths under the row number. Duplicates — the household code of
 * a registered household or of an earlier row, else the same village, head's
 * name and phone — are reported, never merged. A file with any bad or
 * duplicate row writes nothing (ALL_OR_NOTHING) unless the user asks for the
 * valid rows (VALID_ROWS); either way the rows written go to the store in one
 * transaction (GraphStore.createMany), so a failure leaves nothing behind.
 * One WRITE audit event per run, recorded before anything is written.
 */
export const ImportMode = z.enum(['ALL_OR_NOTHING', 'VALID_ROWS']);
export type ImportMode = z.infer<typeof ImportMode>;

export type ImportRowStatus = 'VALID' | 'INVALID' | 'DUPLICATE' | 'CREATED' | 'SKIPPED';

export interface ImportDuplicate {
  /** HOUSEHOLD_CODE, or VILLAGE_HEAD_PHONE (same village, head's name and phone). */
  by: 'HOUSEHOLD_CODE' | 'VILLAGE_HEAD_PHONE';
  /** The registered household it repeats, when the importing user may read it (else null: it exists, out of sight). */
  existingHouseholdId: string | null;
  existing: boolean;
  /** The earlier row of the same file it repeats. */
  otherRow: number | null;
}

export interface ImportRowResult {
  row: number;
  status: ImportRowStatus;
  issues: ImportIssue[];
  duplicate: ImportDuplicate | null;
  householdId: string | null;
}

export interface HouseholdImportReport {
  fileName: string;
  fileSha256: string;
  format: Spreadsheet['format'];
  encoding: Spreadsheet['encoding'];
  headerLanguage: 'ZH' | 'EN' | 'MIXED';
  header: string[];
  /** The first PREVIEW_ROWS rows as read, for the console's preview. */
  previewRows: string[][];
  dryRun: boolean;
  mode: ImportMode;
  committed: boolean;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  duplicateRows: number;
  createdCount: number;
  fileIssues: ImportIssue[];
  rows: ImportRowResult[];
}

/** What the importing user may do, decided by the caller (the API's guard for a request, the operator for the CLI). */
export interface ImportScope {
  actor: AuditActor;
  mayWriteVillage(villageId: string): Promise<boolean>;
  mayReadHousehold(householdId: string): Promise<boolean>;
}

export interface ImportOptions {
  fileName: string;
  dryRun: boolean;
  mode: ImportMode;
  /** Told every PROGRESS_EVERY rows and at each phase's end. */
  onProgress?: (progress: { phase: 'read' | 'validate' | 'write'; done: number; total: number }) => void;
}

export const PREVIEW_ROWS = 20;
/** registerHousehold's input schema, without the idempotency key a form submission carries. */
const RowInput = RegisterHouseholdInput.omit({ idempotencyKey: true });
const PROGRESS_EVERY = 1000;

export async function importHouseholds(ctx: ServiceContext, bytes: Uint8Array, options: ImportOptions, scope: ImportScope): Promise<HouseholdImportReport> {
  const progress = options.onProgress ?? (() => undefined);
  const sheet = await readSpreadsheet(bytes);
  progress({ phase: 'read', done: sheet.rows.length, total: sheet.rows.length });
  const mapping = mapHeader(sheet.header);
  const lookupVillage = villageLookup(await listAll(ctx.store, 'Village'), await listAll(ctx.store, 'Township'));
  const now = ctx.now();

  const results: ImportRowResult[] = [];
  const candidates = new Map<number, Household>();
  const checks = new RowChecks(ctx, scope);
  for (const [index, { row, cells }] of sheet.rows.entries()) {
    const result = await validateRow(mapping, row, cells, lookupVillage, now, checks);
    results.push(result.report);
    if (result.household) candidates.set(index, result.household);
    if ((index + 1) % PROGRESS_EVERY === 0) progress({ phase: 'validate', done: index + 1, total: sheet.rows.length });
  }
  progress({ phase: 'validate', done: sheet.rows.length, total: sheet.rows.length });

  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  const bad = results.filter((r) => r.status !== 'VALID').length;
  const refused = mapping.issues.length > 0 || (options.mode === 'ALL_OR_NOTHING' && bad > 0);
  const toWrite = refused || options.dryRun ? [] : [...candidates.entries()];

  await auditWrite(ctx.store, importEvent(scope.actor, now, fileSha256, options, { rows: sheet.rows.length, valid: candidates.size, writing: toWrite.length }));
  let created = 0;
  if (toWrite.length > 0) {
    try {
      progress({ phase: 'write', done: 0, total: toWrite.length });
      created = (await ctx.store.createMany('Household', toWrite.map(([, h]) => h))).written;
      progress({ phase: 'write', done: created, total: toWrite.length });
    } catch (error) {
      // A row another writer made invalid since it was checked (a code just taken): nothing was written.
      const failed = isHuzhuError(error) && typeof error.path[0] === 'number' ? toWrite[error.path[0]] : undefined;
      if (!failed || !isHuzhuError(error)) throw error;
      const report = results[failed[0]] as ImportRowResult;
      report.status = 'INVALID';
      report.issues.push({ row: report.row, fieldPath: error.path.slice(1), column: null, reason: error.code === 'CONFLICT' ? 'conflict' : 'not_found', message: error.message });
      for (const r of results) if (r.status === 'VALID') r.status = 'SKIPPED';
      return finish(sheet, mapping, options, fileSha256, results, 0);
    }
    for (const [index, household] of toWrite) {
      const report = results[index] as ImportRowResult;
      report.status = 'CREATED';
      report.householdId = household.id;
    }
  }
  // A valid row of a refused file was not written: SKIPPED (a dry run leaves it VALID: it would be written).
  if (refused && !options.dryRun) for (const r of results) if (r.status === 'VALID') r.status = 'SKIPPED';
  return finish(sheet, mapping, options, fileSha256, results, created);
}

// Private: one row.

async function validateRow(
  mapping: ReturnType<typeof mapHeader>,
  row: number,
  cells: readonly string[],
  lookupVillage: VillageLookup,
  now: Date,
  checks: RowChecks,
): Promise<{ report: ImportRowResult; household: Household | null }> {
  const { input, issues } = householdRowInput(mapping, row, cells, lookupVillage);
  const report: ImportRowResult = { row, status: 'INVALID', issues, duplicate: null, householdId: null };
  let household: Household | null = null;
  try {
    // A row has no idempotency key (the file is the unit of retry: a second run reports duplicates).
    const parsed = RowInput.parse(input);
    household = newHousehold(parsed, now, []);
  } catch (error) {
    const villageReported = issues.some((i) => i.fieldPath[0] === 'villageId');
    for (const issue of zodIssuesOf(error, row)) if (!(villageReported && issue.fieldPath[0] === 'villageId')) issues.push(issue);
  }
  if (household === null || issues.length > 0) return { report, household: null };
  const scopeIssue = await checks.scope(household, row);
  if (scopeIssue) {
    issues.push(scopeIssue);
    return { report, household: null };
  }
  const duplicate = await checks.duplicate(household, row);
  if (duplicate) {
    report.status = 'DUPLICATE';
    report.duplicate = duplicate;
    issues.push({
      row,
      fieldPath: duplicate.by === 'HOUSEHOLD_CODE' ? ['householdCode'] : ['head'],
      column: null,
      reason: 'duplicate',
      message:
        duplicate.otherRow !== null
          ? `row ${row} repeats row ${duplicate.otherRow} (${duplicate.by === 'HOUSEHOLD_CODE' ? 'same household code' : 'same village, head and phone'}); keep one of them`
          : `row ${row} is a household already registered (${duplicate.by === 'HOUSEHOLD_CODE' ? 'same household code' : 'same village, head and phone'}); update that household instead of importing it again`,
    });
    return { report, household: null };
  }
  report.status = 'VALID';
  return { report, household };
}

/** The zod failure of a row as issues with the API's field paths (no root: the row is the input). */
function zodIssuesOf(error: unknown, row: number): ImportIssue[] {
  const issues =
    error instanceof z.ZodError
      ? error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message, reason: reasonOf(i).reason }))
      : isHuzhuError(error) && Array.isArray(error.details['issues'])
        ? (error.details['issues'] as Array<{ path: Array<string | number>; message: string; reason?: string }>)
        : null;
  if (issues === null) throw error;
  return issues.map((i) => ({ row, fieldPath: i.path, column: null, reason: i.reason ?? 'invalid', message: `row ${row}: ${i.path.join('.')}: ${i.message}` }));
}

/**
 * Per-file memo of the checks that ask the store: scope per village, credit
 * officers, registered households per village (for the name + phone rule),
 * and the keys earlier rows claimed.
 */
class RowChecks {
  private readonly villageScope = new Map<string, Promise<boolean>>();
  private readonly villageKeys = new Map<string, Promise<Map<string, string>>>();
  private readonly people = new Map<string, Promise<boolean>>();
  private readonly codesInFile = new Map<string, number>();
  private readonly keysInFile = new Map<string, number>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly access: ImportScope,
  ) {}

  async scope(household: Household, row: number): Promise<ImportIssue | null> {
    let inScope = this.villageScope.get(household.villageId);
    if (!inScope) this.villageScope.set(household.villageId, (inScope = this.access.mayWriteVillage(household.villageId)));
    if (!(await inScope)) {
      return { row, fieldPath: ['villageId'], column: null, reason: 'out_of_scope', message: `row ${row}: villageId: village ${household.villageId} is outside your scope; import only households of your villages` };
    }
    const officer = household.loan?.creditOfficerId;
    if (officer) {
      let exists = this.people.get(officer);
      if (!exists) this.people.set(officer, (exists = this.ctx.store.getMany('Person', [officer]).then(([p]) => p != null)));
      if (!(await exists)) {
        return { row, fieldPath: ['loan', 'creditOfficerId'], column: null, reason: 'not_found', message: `row ${row}: loan.creditOfficerId: no person has this id; use the credit officer's person id (per_…)` };
      }
    }
    return null;
  }

  async duplicate(household: Household, row: number): Promise<ImportDuplicate | null> {
    const code = household.householdCode;
    if (code !== null) {
      const earlier = this.codesInFile.get(code);
      if (earlier !== undefined) return { by: 'HOUSEHOLD_CODE', existing: false, existingHouseholdId: null, otherRow: earlier };
      const registered = await this.ctx.store.findHouseholdByCode(code);
      if (registered) return { by: 'HOUSEHOLD_CODE', existing: true, existingHouseholdId: await this.shown(registered.id), otherRow: null };
    }
    const key = personKey(household);
    if (key !== null) {
      const earlier = this.keysInFile.get(key);
      if (earlier !== undefined) return { by: 'VILLAGE_HEAD_PHONE', existing: false, existingHouseholdId: null, otherRow: earlier };
      const registeredId = (await this.registeredKeys(household.villageId)).get(key);
      if (registeredId !== undefined) return { by: 'VILLAGE_HEAD_PHONE', existing: true, existingHouseholdId: await this.shown(registeredId), otherRow: null };
      this.keysInFile.set(key, row);
    }
    if (code !== null) this.codesInFile.set(code, row);
    return null;
  }

  private async shown(id: string): Promise<string | null> {
    return (await this.access.mayReadHousehold(id)) ? id : null;
  }

  private registeredKeys(villageId: string): Promise<Map<string, string>> {
    let keys = this.villageKeys.get(villageId);
    if (!keys) {
      keys = listAll(this.ctx.store, 'Household', { villageId }).then((all) => {
        const byKey = new Map<string, string>();
        for (const h of all) {
          const k = personKey(h);
          if (k !== null && !byKey.has(k)) byKey.set(k, h.id);
        }
        return byKey;
      });
      this.villageKeys.set(villageId, keys);
    }
    return keys;
  }
}

/** Same village, head's name and phone (digits only); null without a phone. */
function personKey(h: Pick<Household, 'villageId' | 'head'>): string | null {
  const phone = h.head.phone?.replace(/\D/g, '') ?? '';
  if (phone === '') return null;
  return `${h.villageId}\u0000${h.head.name.normalize('NFKC').replace(/\s/g, '')}\u0000${phone}`;
}

/**
 * A village cell → its id: the 12-digit official code, the id (vil_…), the
 * name with or without the committee suffix, or "乡镇/村名" when two
 * townships have a village of that name.
 */
export function villageLookup(villages: readonly Village[], townships: readonly Township[]): VillageLookup {
  const townshipName = new Map(townships.map((t) => [t.id, t.name]));
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    const k = key.normalize('NFKC').replace(/\s/g, '');
    let ids = byKey.get(k);
    if (!ids) byKey.set(k, (ids = new Set()));
    ids.add(id);
  };
  for (const v of villages) {
    add(v.id, v.id);
    add(v.code, v.id);
    add(v.name, v.id);
    add(v.displayName, v.id);
    const t = townshipName.get(v.townshipId);
    if (t) {
      add(`${t}/${v.displayName}`, v.id);
      add(`${t}/${v.name}`, v.id);
    }
  }
  return (cell) => {
    const ids = byKey.get(cell.normalize('NFKC').replace(/\s/g, '').replace(/[／\\]/g, '/'));
    if (!ids || ids.size === 0) {
      return { reason: 'unknown_village', message: `villageId: no village has the code or name "${cell}"; use the 12-digit village code (e.g. 510129001002) or its name` };
    }
    if (ids.size > 1) {
      return { reason: 'ambiguous_village', message: `villageId: ${ids.size} villages are called "${cell}"; write the township too (乡镇/村名) or the village code` };
    }
    return { villageId: [...ids][0] as string };
  };
}

function finish(
  sheet: Spreadsheet,
  mapping: ReturnType<typeof mapHeader>,
  options: ImportOptions,
  fileSha256: string,
  rows: ImportRowResult[],
  created: number,
): HouseholdImportReport {
  return {
    fileName: options.fileName,
    fileSha256,
    format: sheet.format,
    encoding: sheet.encoding,
    headerLanguage: mapping.language,
    header: sheet.header,
    previewRows: sheet.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells),
    dryRun: options.dryRun,
    mode: options.mode,
    committed: created > 0,
    totalRows: sheet.rows.length,
    validRows: rows.filter((r) => r.status === 'VALID' || r.status === 'CREATED' || r.status === 'SKIPPED').length,
    invalidRows: rows.filter((r) => r.status === 'INVALID').length,
    duplicateRows: rows.filter((r) => r.status === 'DUPLICATE').length,
    createdCount: created,
    fileIssues: mapping.issues,
    rows,
  };
}

/** The run's WRITE event: which file (its digest, never its content), how, and how many rows; no row's values. */
function importEvent(
  actor: AuditActor,
  at: Date,
  fileSha256: string,
  options: ImportOptions,
  counts: { rows: number; valid: number; writing: number },
): AuditEvent {
  return AuditEvent.parse({
    id: auditEventId(at),
    at: at.toISOString(),
    ...actor,
    action: 'WRITE',
    entityKind: 'HouseholdImport',
    entityId: `sha256:${fileSha256}`,
    fields: [
      'import:households',
      `mode:${options.mode}`,
      `dryRun:${String(options.dryRun)}`,
      `rows:${counts.rows}`,
      `valid:${counts.valid}`,
      `writing:${counts.writing}`,
    ],
  });
}
