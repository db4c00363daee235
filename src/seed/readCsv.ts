import { readFileSync } from 'node:fs';
import { parseCsv } from './parseCsv';

/**
 * Read a UTF-8 CSV file with a header row into one object per record, keyed
 * by column name. Every record must have exactly as many fields as the header
 * (a ragged row usually means an unquoted comma).
 */
export function readCsv(path: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) throw new Error(`seed/readCsv: ${path} is empty; expected a header row`);
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(
        `seed/readCsv: ${path} record ${index + 2} has ${row.length} fields but the header has ${header.length}; ` +
          'quote fields that contain commas',
      );
    }
    return Object.fromEntries(header.map((name, column) => [name, row[column] as string]));
  });
}
