import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { runHsdsExport } from '../hsds/runHsdsCommands';
import { createStore, describeStore } from '../store/createStore';

const HELP = `Export the directory (organisations, services, locations, areas, taxonomies) as Open Referral HSDS 3.0.

  npm run hsds:export -- --out DIR                        # DIR/json/*.json and DIR/csv/*.csv + datapackage.json
  npm run hsds:export -- --out DIR --include-prospective  # also prospective organisations and planned services

Options:
  --out DIR               where to write (created if missing; files there are replaced)
  --include-prospective   include PROSPECTIVE organisations and PLANNED services (left out by default)
  --help                  this text

Only the directory is exported: never households, needs, referrals or people.
The store is chosen by the environment (NEO4J_URI set: Neo4j; else the memory store under DATA_DIR).
In the Docker image: node dist/src/cli/hsdsExport.js --out /data/hsds`;

async function main(): Promise<void> {
  let values: { out?: string; 'include-prospective'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' }, 'include-prospective': { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (!values.out) throw new UsageError('--out DIR is required (where to write the export)');
  const config = loadConfig();
  const store = createStore(config);
  console.log(`hsds:export: store ${describeStore(config)}`);
  await store.init();
  try {
    await runHsdsExport(store, { outDir: resolve(values.out), includeProspective: values['include-prospective'] === true, log: (line) => console.log(line) });
  } finally {
    await store.close();
  }
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

main().catch((error: unknown) => {
  console.error(`hsds:export: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError) console.error(HELP);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
