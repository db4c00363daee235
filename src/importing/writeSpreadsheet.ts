import ExcelJS from 'exceljs';

export type SheetFormat = 'CSV' | 'XLSX';

export interface SheetFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export const MIME_TYPES: Readonly<Record<SheetFormat, string>> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Header + rows → a .csv (UTF-8 with a BOM, so Excel on Chinese Windows opens
 * it in the right encoding; CRLF; RFC 4180 quoting) or an .xlsx (one sheet,
 * every cell text, the header bold and frozen; `notes`, when given, on a
 * second sheet). `baseName` has no extension.
 */
export async function writeSpreadsheet(
  format: SheetFormat,
  baseName: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string>>,
  options: { sheetName?: string; notes?: ReadonlyArray<ReadonlyArray<string>> } = {},
): Promise<SheetFile> {
  if (format === 'CSV') {
    const text = [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
    return { fileName: `${baseName}.csv`, mimeType: MIME_TYPES.CSV, bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Huzhu';
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(10, Math.min(40, h.length * 2 + 4)), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  if (options.notes) {
    const notes = workbook.addWorksheet('说明 Notes');
    for (const row of options.notes) notes.addRow([...row]);
    notes.getColumn(1).width = 20;
    notes.getColumn(2).width = 50;
    notes.getColumn(3).width = 60;
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${baseName}.xlsx`, mimeType: MIME_TYPES.XLSX, bytes };
}

// Private:

/** Quote a field holding a comma, quote or line break; a leading = or @ (or + - before a non-digit) is prefixed with ' so a spreadsheet never runs it as a formula. */
function csvField(value: string): string {
  const safe = /^(=|@|[+-](?![\d ])|\t|\r)/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
