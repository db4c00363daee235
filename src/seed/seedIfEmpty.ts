import type { GraphStore } from '../store/GraphStore';
import { seedStore, type SeedCounts, type SeedOptions } from './seedStore';

/**
 * Seed on start-up, but only a store with no places yet: a store that already
 * holds data (seeded before, or real data entered since) is left as it is.
 * `npm run seed` reseeds on purpose (idempotent). Returns the counts written,
 * or null when the store was not empty.
 */
export async function seedIfEmpty(
  store: Pick<GraphStore, 'list' | 'upsertMany' | 'upsertCategories'>,
  options: SeedOptions,
): Promise<SeedCounts | null> {
  const log = options.log ?? (() => {});
  const existing = await store.list('Township', {}, { first: 1 });
  if (existing.totalCount > 0) {
    log(`seed: store already holds ${existing.totalCount} townships; not seeding (run \`npm run seed\` to reseed)`);
    return null;
  }
  log('seed: empty store; seeding the Dayi data and synthetic households');
  return seedStore(store, options);
}
