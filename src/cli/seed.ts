import { parseArgs } from 'node:util';
import { describeStore, createStore } from '../store/createStore';
import { loadConfig } from '../config/config';
import { seedStore } from '../seed/seedStore';

const HELP = `Seed the configured store with the real Dayi places and stakeholders and
deterministic synthetic people, households and needs (all marked synthetic).

  npm run seed                          # SEED_HOUSEHOLDS households (default 10000), seed SEED_RANDOM
  npm run seed -- --households 1000000  # a million households, streamed in batches
  npm run seed -- --seed 42             # another synthetic population

Options:
  --households N   synthetic households to generate (0 seeds only the real data)
  --seed S         integer seed; the same seed always gives the same rows
  --help           this text

Idempotent: ids are deterministic, so running it again rewrites the same rows.
The store is chosen by the environment (NEO4J_URI set: Neo4j; else the memory store under DATA_DIR).`;

async function main(): Promise<void> {
  const { values } = parseFlags();
  if (values.help) {
    console.log(HELP);
    return;
  }
  const config = loadConfig();
  const households = values.households === undefined ? config.SEED_HOUSEHOLDS : wholeNumber('--households', values.households);
  const seed = values.seed === undefined ? config.SEED_RANDOM : integer('--seed', values.seed);

  const store = createStore(config);
  console.log(`seed: store ${describeStore(config)}; ${households.toLocaleString('en-US')} synthetic households, seed ${seed}`);
  await store.init();
  try {
    const counts = await seedStore(store, { households, seed, log: (line) => console.log(line) });
    console.log(`seed: done ${JSON.stringify(counts)}`);
  } finally {
    await store.close();
  }
}

// Private:

function parseFlags() {
  try {
    return parseArgs({
      options: {
        households: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    // node:util rejects unknown flags and missing values; that is a usage mistake, so show the help.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function wholeNumber(flag: string, raw: string): number {
  const n = integer(flag, raw);
  if (n < 0) throw new UsageError(`${flag} must be 0 or more, got ${raw}`);
  return n;
}

function integer(flag: string, raw: string): number {
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`${flag} must be a whole number, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

main().catch((error: unknown) => {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError) console.error(HELP);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
