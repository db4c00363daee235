import ExcelJS from 'exceljs';
import { badInput } from '../errors/HuzhuError';
import { parseCsv } from '../seed/parseCsv';
import { decodeText, type TextEncoding } from './decodeText';

export type SpreadsheetFormat = 'CSV' | 'XLSX';

/** A spreadsheet's first sheet as text: the header row and the data rows (each `row` is its 1-based row number in the file). */
export interface Spreadsheet {
  format: SpreadsheetFormat;
  /** CSV only: how its bytes were decoded. */
  encoding: TextEncoding | null;
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

/** The largest file accepted (bytes): 20 MB is ~200,000 household rows of CSV. */
export const MAX_SPREADSHEET_BYTES = 20 * 1024 * 1024;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;

/**
 * Bytes → the first sheet's rows, as text. An .xlsx is recognised by its ZIP
 * signature (whatever the file is called), anything else is read as CSV
 * (decodeText: UTF-8 or GB18030). Blank rows are dropped; cells are trimmed.
 * BAD_USER_INPUT (path ['file']) for an empty, oversized or unreadable file.
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Spreadsheet> {
  if (bytes.length === 0) throw badInput('file: the file is empty; fill in the template (npm run import:households -- --template FILE)', ['file']);
  if (bytes.length > MAX_SPREADSHEET_BYTES) {
    throw badInput(`file: ${bytes.length} bytes is more than the ${MAX_SPREADSHEET_BYTES} accepted; split the file`, ['file'], { maximum: MAX_SPREADSHEET_BYTES });
  }
  const isZip = ZIP_SIGNATURE.every((b, i) => bytes[i] === b);
  return isZip ? readXlsx(bytes) : readCsvBytes(bytes);
}

// Private: the two formats.

function readCsvBytes(bytes: Uint8Array): Spreadsheet {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^seed\/parseCsv: /, '') : String(error);
    throw badInput(`file: the CSV cannot be read (${why})`, ['file'], { reason: 'invalid_format' });
  }
  return toSpreadsheet('CSV', encoding, records.map((cells, i) => ({ row: i + 1, cells })));
}

async function readXlsx(bytes: Uint8Array): Promise<Spreadsheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw badInput(`file: the .xlsx cannot be opened (${error instanceof Error ? error.message : String(error)}); save it again from Excel or WPS`, ['file'], {
      reason: 'invalid_format',
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badInput('file: the workbook has no sheet', ['file']);
  const records: Array<{ row: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    records.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return toSpreadsheet('XLSX', null, records);
}

function toSpreadsheet(format: SpreadsheetFormat, encoding: TextEncoding | null, records: Array<{ row: number; cells: string[] }>): Spreadsheet {
  const nonBlank = records
    .map((r) => ({ row: r.row, cells: r.cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const [head, ...rows] = nonBlank;
  if (!head) throw badInput('file: the file has no header row; start from the template', ['file']);
  return { format, encoding, header: head.cells, rows };
}

/** A cell's value as the text a user typed: numbers without exponent, dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text; // a hyperlink
  if ('result' in value) return cellText(value.result ?? null);
  if ('error' in value) return '';
  return '';
}
