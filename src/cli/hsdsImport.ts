import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { runHsdsImport } from '../hsds/runHsdsCommands';
import { createStore, describeStore } from '../store/createStore';

const HELP = `Import an Open Referral HSDS 3.0 dataset into the directory, idempotently.

  npm run hsds:import -- PATH             # a JSON file, a folder of JSON files, a CSV datapackage folder, or an hsds:export folder
  npm run hsds:import -- PATH --dry-run   # check and report only; nothing is written

Every record is checked against the HSDS 3.0 schemas; a record that fails gets a line with its file,
its path and the reason, and nothing of it is written (the others still are). Records equal to what is
stored are left alone, so a second import changes nothing. Imported records keep their HSDS id as an
external id (hsds:<uuid>). Townships, villages and categories are Huzhu's reference data: the import
matches them by division code and category code, and never creates them.

Options:
  --dry-run   check and report without writing
  --help      this text

Exit code: 0 when no record was refused, 1 when some were (listed), 2 for a usage mistake.
In the Docker image: node dist/src/cli/hsdsImport.js /data/partner-hsds --dry-run`;

async function main(): Promise<void> {
  let parsed: { values: { 'dry-run'?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    console.log(HELP);
    return;
  }
  if (parsed.positionals.length !== 1) throw new UsageError('give exactly one PATH (an HSDS JSON file or folder)');
  const config = loadConfig();
  const store = createStore(config);
  console.log(`hsds:import: store ${describeStore(config)}`);
  await store.init();
  try {
    const report = await runHsdsImport(store, { path: resolve(parsed.positionals[0] as string), dryRun: parsed.values['dry-run'] === true, log: (line) => console.log(line) });
    if (report.lines.some((l) => l.level === 'error')) process.exitCode = 1;
  } finally {
    await store.close();
  }
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

main().catch((error: unknown) => {
  console.error(`hsds:import: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError) console.error(HELP);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
