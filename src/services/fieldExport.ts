import { AuditEvent, type Household, type Referral } from '../domain/model';
import { badInput } from '../errors/HuzhuError';
import { AGE_BAND_LABELS, LOAN_PURPOSE_LABELS, MARKER_LABELS } from '../importing/householdTemplate';
import { writeSpreadsheet, type SheetFile, type SheetFormat } from '../importing/writeSpreadsheet';
import { auditEventId, auditWrite, type AuditActor } from './audit';
import { listAll } from './listAll';
import type { ServiceContext } from './ServiceContext';

/**
 * Exports for the field (issue 14 item 5): the household and referral lists a
 * caller may see, as .csv or .xlsx. Each column names the @sensitive field it
 * shows (`reads`, a coordinate like `Household.head.phone`, null for none);
 * the caller decides per coordinate whether the role may read it for the
 * purpose (the API asks sensitiveRules, the one copy of those rules), and a
 * column it may not read is left out of the file altogether. One
 * READ_SENSITIVE audit event per export, naming the columns and how many
 * records, is stored before the file is returned; if it cannot be stored,
 * there is no file.
 */
export interface ExportColumn<T> {
  header: string;
  reads: string | null;
  value: (row: T, names: PlaceNames) => string;
}

export interface ExportRequest {
  format: SheetFormat;
  actor: AuditActor;
  /** May the caller read this @sensitive coordinate for the request's purpose? */
  mayRead: (coordinate: string) => boolean;
}

export interface ExportedFile extends SheetFile {
  rowCount: number;
  columns: string[];
}

/** More rows than this: narrow the export (a township, a village, a status). */
export const MAX_EXPORT_ROWS = 50_000;

export const HOUSEHOLD_EXPORT_COLUMNS: ReadonlyArray<ExportColumn<Household>> = [
  { header: '编号 id', reads: null, value: (h) => h.id },
  { header: '户号 householdCode', reads: 'Household.householdCode', value: (h) => h.householdCode ?? '' },
  { header: '乡镇（街道） township', reads: null, value: (h, n) => n.townshipOfVillage(h.villageId) },
  { header: '村（社区） village', reads: null, value: (h, n) => n.village(h.villageId) },
  { header: '家庭人数 size', reads: null, value: (h) => String(h.size) },
  { header: '户主姓名 headName', reads: 'Household.head.name', value: (h) => h.head.name },
  { header: '户主电话 headPhone', reads: 'Household.head.phone', value: (h) => h.head.phone ?? '' },
  { header: '户主身份证号 headIdNumber', reads: 'Household.head.idNumber', value: (h) => h.head.idNumber ?? '' },
  { header: '成员年龄段 memberAgeBands', reads: 'Household.memberAgeBands', value: (h) => h.memberAgeBands.map((b) => AGE_BAND_LABELS[b]).join('、') },
  { header: '困难标记 markers', reads: 'Household.markers', value: (h) => h.markers.map((m) => MARKER_LABELS[m]).join('、') },
  { header: '残疾等级 disabilityGrade', reads: 'Household.disabilityGrade', value: (h) => (h.disabilityGrade === null ? '' : String(h.disabilityGrade)) },
  { header: '脆弱性指数 vulnerabilityScore', reads: 'Household.vulnerabilityScore', value: (h) => String(h.vulnerabilityScore) },
  { header: '贷款金额（元） loanAmountYuan', reads: 'Household.loan', value: (h) => (h.loan ? String(h.loan.amountYuan) : '') },
  { header: '贷款用途 loanPurpose', reads: 'Household.loan', value: (h) => (h.loan ? LOAN_PURPOSE_LABELS[h.loan.purpose] : '') },
  { header: '贷款起始日 loanSince', reads: 'Household.loan', value: (h) => h.loan?.since ?? '' },
  { header: '合成数据 synthetic', reads: null, value: (h) => (h.synthetic ? '是 yes' : '否 no') },
  { header: '登记时间 createdAt', reads: null, value: (h) => h.createdAt },
];

/** A referral row with the records it points to (read by the caller, within its scope). */
export interface ReferralExportRow {
  referral: Referral;
  household: Household | null;
  needCategory: string;
  needUrgency: string;
  needDescription: string;
  serviceName: string;
  organizationName: string;
}

export const REFERRAL_EXPORT_COLUMNS: ReadonlyArray<ExportColumn<ReferralExportRow>> = [
  { header: '转介编号 id', reads: null, value: (r) => r.referral.id },
  { header: '状态 status', reads: null, value: (r) => r.referral.status },
  { header: '原因 reason', reads: null, value: (r) => r.referral.reason ?? '' },
  { header: '需求类别 category', reads: null, value: (r) => r.needCategory },
  { header: '紧急程度 urgency', reads: null, value: (r) => r.needUrgency },
  { header: '需求描述 needDescription', reads: 'Need.description', value: (r) => r.needDescription },
  { header: '服务 service', reads: null, value: (r) => r.serviceName },
  { header: '机构 organization', reads: null, value: (r) => r.organizationName },
  { header: '乡镇（街道） township', reads: null, value: (r, n) => (r.household ? n.townshipOfVillage(r.household.villageId) : '') },
  { header: '村（社区） village', reads: null, value: (r, n) => (r.household ? n.village(r.household.villageId) : '') },
  { header: '户主姓名 headName', reads: 'Household.head.name', value: (r) => r.household?.head.name ?? '' },
  { header: '户主电话 headPhone', reads: 'Household.head.phone', value: (r) => r.household?.head.phone ?? '' },
  { header: '同意豁免理由 consentOverrideReason', reads: 'Referral.consentOverrideReason', value: (r) => r.referral.consentOverrideReason ?? '' },
  { header: '创建时间 createdAt', reads: null, value: (r) => r.referral.createdAt },
  { header: '更新时间 updatedAt', reads: null, value: (r) => r.referral.updatedAt },
];

export function exportHouseholds(ctx: ServiceContext, households: readonly Household[], request: ExportRequest): Promise<ExportedFile> {
  return exportRows(ctx, 'households', HOUSEHOLD_EXPORT_COLUMNS, households, request);
}

export function exportReferrals(ctx: ServiceContext, rows: readonly ReferralExportRow[], request: ExportRequest): Promise<ExportedFile> {
  return exportRows(ctx, 'referrals', REFERRAL_EXPORT_COLUMNS, rows, request);
}

/** Village and township display names by village id. */
export interface PlaceNames {
  village(villageId: string): string;
  townshipOfVillage(villageId: string): string;
}

// Private:

async function exportRows<T>(
  ctx: ServiceContext,
  what: 'households' | 'referrals',
  allColumns: ReadonlyArray<ExportColumn<T>>,
  rows: readonly T[],
  request: ExportRequest,
): Promise<ExportedFile> {
  if (rows.length > MAX_EXPORT_ROWS) {
    throw badInput(`export ${what}: ${rows.length} rows is more than the ${MAX_EXPORT_ROWS} one file holds; export one township or village at a time`, [], {
      maximum: MAX_EXPORT_ROWS,
    });
  }
  const columns = allColumns.filter((c) => c.reads === null || request.mayRead(c.reads));
  const names = await placeNames(ctx);
  const now = ctx.now();
  const sensitive = [...new Set(columns.flatMap((c) => (c.reads === null ? [] : [c.reads])))].sort();
  // Recorded before the file exists: no event, no file.
  await auditWrite(
    ctx.store,
    AuditEvent.parse({
      id: auditEventId(now),
      at: now.toISOString(),
      ...request.actor,
      action: 'READ_SENSITIVE',
      entityKind: what === 'households' ? 'HouseholdExport' : 'ReferralExport',
      entityId: `${request.format}:${rows.length}`,
      fields: [`export:${what}`, `format:${request.format}`, `rows:${rows.length}`, ...sensitive],
    }),
  );
  const header = columns.map((c) => c.header);
  const body = rows.map((row) => columns.map((c) => c.value(row, names)));
  const stamp = now.toISOString().slice(0, 10);
  const file = await writeSpreadsheet(request.format, `huzhu-${what}-${stamp}`, header, body, { sheetName: what === 'households' ? '农户 households' : '转介 referrals' });
  return { ...file, rowCount: rows.length, columns: header };
}

async function placeNames(ctx: ServiceContext): Promise<PlaceNames> {
  const [villages, townships] = await Promise.all([listAll(ctx.store, 'Village'), listAll(ctx.store, 'Township')]);
  const townshipName = new Map(townships.map((t) => [t.id, t.name]));
  const byId = new Map(villages.map((v) => [v.id, v]));
  return {
    village: (id) => byId.get(id)?.displayName ?? id,
    townshipOfVillage: (id) => {
      const v = byId.get(id);
      return v ? (townshipName.get(v.townshipId) ?? v.townshipId) : '';
    },
  };
}

