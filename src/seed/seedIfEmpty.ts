import type { GraphStore } from '../store/GraphStore';
import { seedStore, type SeedCounts, type SeedOptions } from './seedStore';

/**
 * Seed on start-up, and only what needs it:
 * - a store whose seed record says COMPLETE is left as it is;
 * - a store whose seed record says IN_PROGRESS holds a seed that stopped
 *   part-way (the process was killed or a write failed): the seed is resumed
 *   with the options it was started with, and completed;
 * - a store with no seed record but with places (seeded before seed records
 *   existed, or loaded by other means) is left as it is, with a warning;
 * - an empty store is seeded.
 * `npm run seed` reseeds on purpose (idempotent). Returns the counts of the
 * seed that was written or completed, or null when nothing was seeded.
 */
export async function seedIfEmpty(
  store: Pick<GraphStore, 'list' | 'upsertMany' | 'upsertCategories' | 'getSeedRun' | 'putSeedRun'>,
  options: SeedOptions,
): Promise<SeedCounts | null> {
  const log = options.log ?? (() => {});
  const run = await store.getSeedRun();
  if (run?.status === 'COMPLETE') {
    log(`seed: store already seeded (${run.households.toLocaleString('en-US')} synthetic households, seed ${run.seed}, completed ${run.completedAt ?? '?'}); not seeding (run \`npm run seed\` to reseed)`);
    return null;
  }
  if (run?.status === 'IN_PROGRESS') {
    log(
      `seed: INCOMPLETE: a seed started ${run.startedAt} stopped after ${run.stepsDone} steps ` +
        `(${run.households.toLocaleString('en-US')} households, seed ${run.seed}); resuming it with those options`,
    );
    return seedStore(store, { ...options, households: run.households, seed: run.seed, batchSize: run.batchSize, resume: run });
  }
  const existing = await store.list('Township', {}, { first: 1 });
  if (existing.totalCount > 0) {
    log(
      `seed: store already holds ${existing.totalCount} townships but no seed record (seeded by an older version, or loaded otherwise); ` +
        'not seeding. If an earlier seed may have stopped part-way, run `npm run seed` to complete it',
    );
    return null;
  }
  log('seed: empty store; seeding the Dayi data and synthetic households');
  return seedStore(store, options);
}
