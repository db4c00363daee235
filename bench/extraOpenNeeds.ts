import { idFromKey } from '../src/domain/ids';
import type { Household, Need, Urgency } from '../src/domain/model';
import { MAX_BULK_PAGE, type GraphStore, type Page } from '../src/store/GraphStore';

const URGENCIES: readonly Urgency[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const BATCH = 5_000;

/**
 * Tops the store up to `target` OPEN needs with extra synthetic needs (ids
 * need_bench-…, flagged synthetic, describing no family), spread over the
 * seeded households in id order, categories and urgencies from a fixed
 * stream: planAllocations needs 100,000 open needs, and the seed raises about
 * one per twelve households.
 */
export async function topUpOpenNeeds(store: GraphStore, target: number, seed: number): Promise<{ before: number; added: number; ms: number }> {
  const started = performance.now();
  const before = (await store.list('Need', { status: 'OPEN' }, { first: 0 })).totalCount;
  const missing = target - before;
  if (missing <= 0) return { before, added: 0, ms: performance.now() - started };
  const categories = (await store.listCategories()).map((c) => c.code);
  const householdIds: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<Household> = await store.list('Household', {}, { first: MAX_BULK_PAGE, after });
    householdIds.push(...page.items.map((h) => h.id));
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  if (householdIds.length === 0 || categories.length === 0) {
    throw new Error('bench/extraOpenNeeds: the store has no households or categories; seed it first');
  }
  let state = (seed >>> 0) || 1;
  const next = () => {
    // xorshift32: a fixed stream, so the same seed adds the same needs.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const at = '2026-11-01T00:00:00.000Z';
  let batch: Need[] = [];
  for (let i = 0; i < missing; i++) {
    batch.push({
      id: idFromKey('Need', `bench-${i + 1}`),
      householdId: householdIds[i % householdIds.length] as string,
      category: categories[Math.floor(next() * categories.length)] as string,
      urgency: URGENCIES[Math.floor(next() * URGENCIES.length)] as Urgency,
      description: '合成数据（非真实家庭）：基准测试需求。Synthetic benchmark need; describes no real family.',
      status: 'OPEN',
      synthetic: true,
      createdAt: at,
      updatedAt: at,
    });
    if (batch.length === BATCH) {
      await store.upsertMany('Need', batch);
      batch = [];
    }
  }
  if (batch.length > 0) await store.upsertMany('Need', batch);
  return { before, added: missing, ms: performance.now() - started };
}
