import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { isIdOf } from '../domain/ids';
import { isHuzhuError } from '../errors/HuzhuError';
import { householdTemplateFile } from '../importing/householdTemplateFile';
import { importHouseholds, type HouseholdImportReport } from '../services/householdImport';
import { createStore, describeStore } from '../store/createStore';

const HELP = `Import households from a spreadsheet (.xlsx, or .csv in UTF-8 or GB18030/GBK, detected), with Chinese or
English headers as in the template. Every row is checked as registerHousehold checks its input; duplicates
(household code; else village + head's name + phone) are reported, never merged.

  npm run import:households -- FILE --dry-run          # check and report only; nothing is written
  npm run import:households -- FILE                    # import: the whole file, or nothing if any row is bad
  npm run import:households -- FILE --valid-rows       # import the valid rows, report the others
  npm run import:households -- FILE --township twp_510129001000   # only that township's villages may be written
  npm run import:households -- --template households.xlsx [--lang en]   # write the template (.xlsx or .csv)

Options:
  --dry-run        validate and report, write nothing
  --valid-rows     write the valid rows even when others are bad (default: all or nothing)
  --township ID    refuse rows of villages outside these townships (repeatable); default: every village
  --template OUT   write the import template to OUT (.xlsx or .csv) and exit
  --lang zh|en     the template's header language (default zh)
  --help           this text

The store is chosen by the environment (NEO4J_URI set: Neo4j; else the memory store under DATA_DIR). Each run
is audited (actor cli:<os user>, the file's SHA-256, counts; never a row's values).
Exit status: 0 written (or a clean dry run), 1 refused or rows skipped, 2 a usage mistake.`;

async function main(): Promise<void> {
  const { values, positionals } = parseFlags();
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (values.template !== undefined) {
    const format = extname(values.template).toLowerCase() === '.csv' ? 'CSV' : 'XLSX';
    const lang = (values.lang ?? 'zh').toLowerCase();
    if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, got ${JSON.stringify(values.lang)}`);
    const file = await householdTemplateFile(format, lang === 'zh' ? 'ZH' : 'EN');
    await writeFile(values.template, file.bytes);
    console.log(`import:households: wrote the ${format} template (${lang} headers) to ${values.template}`);
    return;
  }
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw new UsageError('give exactly one FILE to import (or --template OUT)');
  const townships = values.township ?? [];
  for (const t of townships) if (!isIdOf('Township', t)) throw new UsageError(`--township must be a township id like twp_510129001000, got ${JSON.stringify(t)}`);

  const bytes = await readFile(path);
  const config = loadConfig();
  const store = createStore(config);
  console.error(`import:households: store ${describeStore(config)}; ${path} (${bytes.length.toLocaleString('en-US')} bytes)${values['dry-run'] ? ', dry run' : ''}`);
  await store.init();
  try {
    const report = await importHouseholds(
      { store, now: () => new Date() },
      bytes,
      {
        fileName: path,
        dryRun: values['dry-run'] === true,
        mode: values['valid-rows'] ? 'VALID_ROWS' : 'ALL_OR_NOTHING',
        onProgress: (p) => console.error(`import:households: ${p.phase} ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')}`),
      },
      {
        actor: { actorId: `cli:${userInfo().username}`, role: 'CLI', purpose: 'CASE_MANAGEMENT', correlationId: `cli-${process.pid}-${Date.now()}` },
        mayWriteVillage: async (villageId) => {
          if (townships.length === 0) return true;
          const [village] = await store.getMany('Village', [villageId]);
          return village !== null && village !== undefined && townships.includes(village.townshipId);
        },
        mayReadHousehold: async () => true,
      },
    );
    printReport(report);
    const clean = report.fileIssues.length === 0 && report.invalidRows === 0 && report.duplicateRows === 0;
    process.exitCode = report.committed || (report.dryRun && clean) ? (clean ? 0 : 1) : 1;
  } finally {
    await store.close();
  }
}

// Private:

function printReport(r: HouseholdImportReport): void {
  const encoding = r.encoding === null ? '' : `, ${r.encoding}`;
  console.log(`import:households: ${r.format}${encoding}, ${r.headerLanguage} headers, ${r.totalRows} rows: ${r.validRows} valid, ${r.invalidRows} invalid, ${r.duplicateRows} duplicate`);
  for (const issue of r.fileIssues) console.log(`  file  ${issue.fieldPath.join('.')}  ${issue.reason}  ${issue.message}`);
  for (const row of r.rows) {
    for (const issue of row.issues) console.log(`  row ${row.row}  ${row.status}  ${issue.fieldPath.join('.')}  ${issue.reason}  ${issue.message}`);
  }
  if (r.dryRun) console.log(`import:households: dry run: nothing written${r.fileIssues.length + r.invalidRows + r.duplicateRows === 0 ? '; the file would import whole' : ''}`);
  else if (r.committed) console.log(`import:households: created ${r.createdCount} households`);
  else console.log(`import:households: nothing written (${r.fileIssues.length > 0 ? 'fix the columns' : 'fix the rows above, or run with --valid-rows to import the valid ones'})`);
}

function parseFlags() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        'valid-rows': { type: 'boolean' },
        township: { type: 'string', multiple: true },
        template: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

main().catch((error: unknown) => {
  const message = isHuzhuError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
  console.error(`import:households: ${message}`);
  if (error instanceof UsageError) console.error(HELP);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
