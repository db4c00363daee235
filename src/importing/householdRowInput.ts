import { AGE_BAND_LABELS, HOUSEHOLD_TEMPLATE, LOAN_PURPOSE_LABELS, MARKER_LABELS, columnForHeader, type TemplateColumn } from './householdTemplate';

/**
 * A problem found in a file: `row` is the spreadsheet's row number (the header
 * is row 1), null for the file itself; `fieldPath` is the registerHousehold
 * input path (the API's field path, e.g. ["head", "phone"]); `reason` a word
 * the console translates (the API's INPUT_REASONS, or one of the import's own:
 * unknown_column, repeated_column, missing_column, unknown_village,
 * ambiguous_village, out_of_scope, duplicate, not_found, conflict).
 */
export interface ImportIssue {
  row: number | null;
  fieldPath: Array<string | number>;
  column: string | null;
  reason: string;
  message: string;
  params?: Record<string, number | string>;
}

export interface HeaderMapping {
  /** Per header cell: the template column it names, or null (an unknown column: a file issue). */
  columns: Array<TemplateColumn | null>;
  language: 'ZH' | 'EN' | 'MIXED';
  issues: ImportIssue[];
}

/** The header row → the template's columns; unknown, repeated and missing required columns are file issues. */
export function mapHeader(header: readonly string[]): HeaderMapping {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  let zh = 0;
  let en = 0;
  const columns = header.map((cell, index) => {
    if (cell === '') return null;
    const column = columnForHeader(cell);
    if (!column) {
      issues.push(fileIssue(['header', index], cell, 'unknown_column', `column ${index + 1} "${cell}" is not a template column; the template's columns are ${HOUSEHOLD_TEMPLATE.map((c) => c.zh).join(', ')} (or ${HOUSEHOLD_TEMPLATE.map((c) => c.en).join(', ')})`));
      return null;
    }
    if (seen.has(column.path)) {
      issues.push(fileIssue(['header', index], cell, 'repeated_column', `column ${index + 1} "${cell}" repeats column ${(seen.get(column.path) ?? 0) + 1}; keep one of them`));
      return null;
    }
    seen.set(column.path, index);
    if (/[\u4e00-\u9fff]/.test(cell)) zh++;
    else en++;
    return column;
  });
  for (const column of HOUSEHOLD_TEMPLATE) {
    if (column.required && !seen.has(column.path)) {
      issues.push(fileIssue([column.path], column.zh, 'missing_column', `the required column "${column.zh}" (${column.en}) is missing; add it as in the template`));
    }
  }
  return { columns, language: zh > 0 && en > 0 ? 'MIXED' : en > 0 ? 'EN' : 'ZH', issues };
}

/** How a village cell becomes a village id: the id, or why not. */
export type VillageLookup = (cell: string) => { villageId: string } | { reason: 'unknown_village' | 'ambiguous_village'; message: string };

/**
 * One row → the raw registerHousehold input (still to be parsed by the API's
 * zod schema, which reports field paths): empty cells are absent; numbers are
 * numbers when they look like one (else left as text for zod to refuse);
 * lists split on 、 , ， ; ； | with Chinese labels turned into codes; the
 * four loan columns make a loan when any is filled. A village that cannot be
 * found is an issue at ["villageId"].
 */
export function householdRowInput(
  mapping: HeaderMapping,
  row: number,
  cells: readonly string[],
  lookupVillage: VillageLookup,
): { input: Record<string, unknown>; issues: ImportIssue[] } {
  const input: Record<string, unknown> = {};
  const issues: ImportIssue[] = [];
  mapping.columns.forEach((column, index) => {
    const cell = (cells[index] ?? '').trim();
    if (!column || cell === '') return;
    if (column.path === 'villageId') {
      const found = lookupVillage(cell);
      if ('villageId' in found) input['villageId'] = found.villageId;
      else issues.push({ row, fieldPath: ['villageId'], column: column.zh, reason: found.reason, message: found.message });
      return;
    }
    setPath(input, column.path, cellValue(column, cell));
  });
  // An empty name is "head.name: required", as the API says it, not "head: required".
  if (input['head'] === undefined) input['head'] = {};
  return { input, issues };
}

// Private: cell values.

const NUMERIC_PATHS = new Set(['size', 'disabilityGrade', 'loan.amountYuan']);
const LIST_LABELS: Record<string, Readonly<Record<string, string>>> = { memberAgeBands: AGE_BAND_LABELS, markers: MARKER_LABELS };

function cellValue(column: TemplateColumn, cell: string): unknown {
  if (NUMERIC_PATHS.has(column.path)) {
    const compact = cell.replace(/[,，\s]/g, '');
    return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : cell;
  }
  if (column.list) {
    const labels = LIST_LABELS[column.path] ?? {};
    return cell
      .split(/[、,，;；|]/)
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => codeFor(labels, part));
  }
  if (column.path === 'loan.purpose') return codeFor(LOAN_PURPOSE_LABELS, cell);
  return cell;
}

/** A label → its code; a code (any case) → itself; anything else as typed (zod names the allowed values). */
function codeFor(labels: Readonly<Record<string, string>>, text: string): string {
  const normalized = text.normalize('NFKC').replace(/\s/g, '');
  for (const [code, label] of Object.entries(labels)) {
    if (label.normalize('NFKC') === normalized || code === normalized.toUpperCase()) return code;
  }
  return text;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  parts.slice(0, -1).forEach((part) => {
    const next = node[part];
    if (next === null || typeof next !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  });
  node[parts[parts.length - 1] as string] = value;
}

function fileIssue(fieldPath: Array<string | number>, column: string, reason: string, message: string): ImportIssue {
  return { row: null, fieldPath, column, reason, message };
}
