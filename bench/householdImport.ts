/**
 * The import rate of household rows (issue 14 item 2): a synthetic file of N
 * rows (default 100,000) as a GB18030 CSV and as an .xlsx, each imported into
 * a fresh memory store holding the real Dayi places, through the same use case
 * as the CLI and the console (services/householdImport.ts: read, every row
 * through registerHousehold's schema, scope and duplicate checks, one
 * createMany). Phases are timed from the import's own progress events.
 *
 * In the bench: `npm run bench -- --only import` (section "import").
 * Alone: `npx tsx bench/householdImport.ts [--rows 100000]`.
 */
import { performance } from 'node:perf_hooks';
import { encodeGb18030 } from '../src/importing/decodeText';
import { templateHeader } from '../src/importing/householdTemplate';
import { writeSpreadsheet } from '../src/importing/writeSpreadsheet';
import { loadDayi } from '../src/seed/loadDayi';
import { seedStore } from '../src/seed/seedStore';
import { importHouseholds } from '../src/services/householdImport';
import { MemoryStore } from '../src/store/memory/MemoryStore';

export interface HouseholdImportRun {
  format: 'CSV (GB18030)' | 'XLSX';
  bytes: number;
  readMs: number;
  validateMs: number;
  writeMs: number;
  totalMs: number;
  created: number;
  rowsPerSecond: number;
}

export interface HouseholdImportFigures {
  rows: number;
  adapter: 'memory';
  runs: HouseholdImportRun[];
}

export async function householdImportBench(options: { rows: number; log: (line: string) => void }): Promise<HouseholdImportFigures> {
  const { rows, log } = options;
  const villages = loadDayi().villages;
  const header = templateHeader('ZH');
  const body = Array.from({ length: rows }, (_, i) => {
    const village = villages[i % villages.length]!;
    const row = [`SYN-B-${String(i).padStart(7, '0')}`, village.code, String(2 + (i % 5)), `合成户主${i}`, `139${String(i).padStart(8, '0')}`, '', i % 3 === 0 ? '80岁以上、18-59岁' : '18-59岁', i % 4 === 0 ? '低保' : '', ''];
    return [...row, ...Array<string>(header.length - row.length).fill('')];
  });
  const csv = encodeGb18030([header, ...body].map((r) => r.join(',')).join('\r\n') + '\r\n');
  const xlsx = (await writeSpreadsheet('XLSX', 'bench', header, body)).bytes;
  const runs: HouseholdImportRun[] = [];
  for (const [format, bytes] of [['CSV (GB18030)', csv], ['XLSX', xlsx]] as const) {
    const store = new MemoryStore({ dataDir: null });
    await seedStore(store, { households: 0, seed: 1 });
    const marks: Record<string, number> = {};
    const start = performance.now();
    const report = await importHouseholds(
      { store, now: () => new Date() },
      bytes,
      {
        fileName: 'bench',
        dryRun: false,
        mode: 'ALL_OR_NOTHING',
        onProgress: (p) => {
          if (p.done === p.total) marks[p.phase] = performance.now();
          if (p.phase === 'write' && p.done === 0) marks['writeStart'] = performance.now();
        },
      },
      { actor: { actorId: 'bench', role: 'CLI', purpose: 'CASE_MANAGEMENT', correlationId: 'bench' }, mayWriteVillage: async () => true, mayReadHousehold: async () => true },
    );
    const end = performance.now();
    await store.close();
    if (report.createdCount !== rows) throw new Error(`bench/householdImport: ${format}: created ${report.createdCount} of ${rows} rows (${report.invalidRows} invalid, ${report.duplicateRows} duplicate)`);
    const read = (marks['read'] ?? start) - start;
    const validate = (marks['validate'] ?? start) - (marks['read'] ?? start);
    const write = end - (marks['writeStart'] ?? end);
    const run: HouseholdImportRun = { format, bytes: bytes.length, readMs: read, validateMs: validate, writeMs: write, totalMs: end - start, created: report.createdCount, rowsPerSecond: rows / ((end - start) / 1000) };
    log(`import: ${format}, ${rows.toLocaleString('en-US')} rows (${(bytes.length / 1e6).toFixed(1)} MB) in ${(run.totalMs / 1000).toFixed(1)} s: ${Math.round(run.rowsPerSecond).toLocaleString('en-US')} rows/s`);
    runs.push(run);
  }
  return { rows, adapter: 'memory', runs };
}

/** The BENCHMARKS.md section. */
export function householdImportReport(figures: HouseholdImportFigures | null | undefined): string[] {
  if (!figures) return [];
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    '## Household import (issue 14 item 2)',
    '',
    `${figures.rows.toLocaleString('en-US')} synthetic household rows in the template's Chinese layout, imported whole (ALL_OR_NOTHING, one createMany) into the ${figures.adapter} store with the Dayi places (bench/householdImport.ts). ` +
      'Read = bytes → rows (encoding detection, CSV or xlsx parsing); validate = every row through registerHousehold\'s zod schema, the village lookup, scope and duplicate checks; write = the one transaction.',
    '',
    '| File | Size | Read | Validate | Write | Total | Rows/s |',
    '|---|---|---|---|---|---|---|',
    ...figures.runs.map((r) => `| ${r.format} | ${(r.bytes / 1e6).toFixed(1)} MB | ${s(r.readMs)} | ${s(r.validateMs)} | ${s(r.writeMs)} | ${s(r.totalMs)} | **${Math.round(r.rowsPerSecond).toLocaleString('en-US')}** |`),
    '',
  ];
}

if (require.main === module) {
  const at = process.argv.indexOf('--rows');
  const rows = at > 0 ? Number(process.argv[at + 1]) : 100_000;
  householdImportBench({ rows, log: (line) => process.stdout.write(`${line}\n`) })
    .then((figures) => process.stdout.write(`${householdImportReport(figures).join('\n')}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
