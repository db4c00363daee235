import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseCsv } from '../seed/parseCsv';
import { collectJson, isTabularJson, keep } from './readHsdsJson';
import { emptyRecordSet, type HsdsRecordSet } from './hsdsRecords';
import type { HsdsValidator } from './hsdsSchemas';
import { readTables, type Row } from './hsdsTabular';

/**
 * An HSDS dataset on disk → records, whatever its form:
 * - a JSON file: one object, a list page, an array, or the tabular JSON form;
 * - a folder of CSV files (with or without datapackage.json): the tabular form;
 * - a folder of JSON files: each read as above;
 * - the folder `npm run hsds:export` writes (json/ and csv/): its json/.
 */
export function readHsdsSource(path: string, validator: HsdsValidator): HsdsRecordSet {
  if (!existsSync(path)) throw new Error(`hsds:import: ${path} does not exist (give an HSDS JSON file or a folder)`);
  if (!statSync(path).isDirectory()) return readJsonFile(path, basename(path), validator);
  if (existsSync(join(path, 'json')) && statSync(join(path, 'json')).isDirectory()) return readHsdsSource(join(path, 'json'), validator);
  const files = readdirSync(path).sort();
  const csv = files.filter((f) => f.endsWith('.csv'));
  if (csv.length > 0) {
    const tables = new Map<string, Row[]>();
    for (const file of csv) tables.set(file, csvRows(readFileSync(join(path, file), 'utf8')));
    const set = readTables(tables, validator, (file, i) => `${file} row ${i + 2}`);
    for (const f of files.filter((x) => x.endsWith('.json') && x !== 'datapackage.json')) set.notes.push({ source: f, note: 'a JSON file beside the CSV tables: not read (import it on its own)' });
    return set;
  }
  const set = emptyRecordSet();
  for (const file of files.filter((f) => f.endsWith('.json'))) merge(set, readJsonFile(join(path, file), file, validator));
  if (files.every((f) => !f.endsWith('.json'))) set.unreadable.push({ source: path, reason: 'holds no .json or .csv file' });
  return set;
}

// Private:

function readJsonFile(path: string, label: string, validator: HsdsValidator): HsdsRecordSet {
  const set = emptyRecordSet();
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    set.unreadable.push({ source: label, reason: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` });
    return set;
  }
  if (isTabularJson(value)) {
    const tables = new Map(Object.entries(value).map(([file, rows]) => [file, Array.isArray(rows) ? (rows as Row[]) : []]));
    return readTables(tables, validator, (file, i) => `${label}#/${file}/${i}`);
  }
  collectJson(value, label, set);
  return set;
}

function merge(into: HsdsRecordSet, from: HsdsRecordSet): void {
  for (const o of from.organizations) keep(into.organizations, o);
  for (const s of from.services) keep(into.services, s);
  into.others.push(...from.others);
  into.unreadable.push(...from.unreadable);
  into.notes.push(...from.notes);
}

function csvRows(text: string): Row[] {
  const [header, ...records] = parseCsv(text);
  if (!header) return [];
  return records
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}
