/** seedStore's first-load path (issue 13 item 5) against a recording stand-in of the port. All rows synthetic. */
import type { EntityKind } from '../../../src/domain/ids';
import type { Category, EntityMap } from '../../../src/domain/model';
import { FIRST_LOAD_BATCH_SIZE, seedStore, type SeedTarget } from '../../../src/seed/seedStore';
import { loadSyntheticWorld } from '../../../src/seed/syntheticWorld';
import type { InsertNewOptions, Page } from '../../../src/store/GraphStore';
import type { SeedRun } from '../../../src/store/SeedRun';

const world = loadSyntheticWorld();

/** Records every bulk write; `empty: false` makes it answer list() with a row, like a seeded store. */
class FirstLoadRecorder implements SeedTarget {
  readonly calls: string[] = [];
  readonly rows = new Map<EntityKind, Map<string, unknown>>();
  readonly runs: SeedRun[] = [];
  constructor(private readonly empty = true) {}

  async upsertMany<K extends EntityKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>): Promise<{ written: number }> {
    this.calls.push(`upsertMany ${kind} ${rows.length}`);
    return this.keep(kind, rows);
  }
  async insertNew<K extends EntityKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>, options?: InsertNewOptions): Promise<{ written: number }> {
    this.calls.push(`insertNew ${kind} ${rows.length}${options?.validated ? ' validated' : ''}`);
    return this.keep(kind, rows);
  }
  async upsertCategories(_rows: ReadonlyArray<Category>): Promise<void> {}
  async putSeedRun(run: SeedRun): Promise<void> {
    this.runs.push({ ...run });
  }
  async getSeedRun(): Promise<SeedRun | null> {
    return null;
  }
  async list(): Promise<Page<never>> {
    const items = (this.empty ? [] : [{}]) as never[];
    return { items, totalCount: -1, hasNextPage: false, endCursor: null };
  }
  private keep(kind: EntityKind, rows: ReadonlyArray<{ id: string }>): { written: number } {
    const table = this.rows.get(kind) ?? new Map<string, unknown>();
    this.rows.set(kind, table);
    for (const row of rows) table.set(row.id, JSON.parse(JSON.stringify(row)));
    return { written: rows.length };
  }
}

describe('seedStore first load', () => {
  it('writes an empty store with insertNew only: generated rows validated once by seedStore, the real ones by the store', async () => {
    const store = new FirstLoadRecorder();
    const counts = await seedStore(store, { households: 2_500, seed: 5, world, batchSize: 1_000 });
    expect(store.calls.every((c) => c.startsWith('insertNew'))).toBe(true);
    expect(store.calls.filter((c) => c.startsWith('insertNew Household'))).toEqual(['insertNew Household 1000 validated', 'insertNew Household 1000 validated', 'insertNew Household 500 validated']);
    expect(store.calls.find((c) => c.startsWith('insertNew Township'))).toBe('insertNew Township 11');
    expect(store.calls.filter((c) => c.startsWith('insertNew Need')).every((c) => c.endsWith('validated'))).toBe(true);
    expect(store.rows.get('Household')?.size).toBe(2_500);
    expect(counts.Household).toBe(2_500);
    expect(store.runs.at(-1)).toMatchObject({ status: 'COMPLETE', batchSize: 1_000 });
  });

  it('writes the same rows in the same steps as a seed through upsertMany (so a resume repeats them)', async () => {
    const first = new FirstLoadRecorder();
    await seedStore(first, { households: 2_500, seed: 5, world, batchSize: 1_000 });
    const again = new FirstLoadRecorder(false);
    await seedStore(again, { households: 2_500, seed: 5, world, batchSize: 1_000 });
    expect(again.calls.every((c) => c.startsWith('upsertMany'))).toBe(true);
    expect(again.calls).toEqual(first.calls.map((c) => c.replace('insertNew', 'upsertMany').replace(' validated', '')));
    expect(JSON.stringify([...again.rows])).toBe(JSON.stringify([...first.rows]));
    expect(again.runs.at(-1)?.stepsDone).toBe(first.runs.at(-1)?.stepsDone);
  });

  it('takes steps of FIRST_LOAD_BATCH_SIZE households unless told, and records it for a resume', async () => {
    const store = new FirstLoadRecorder();
    await seedStore(store, { households: 100, seed: 5, world });
    expect(store.runs[0]?.batchSize).toBe(FIRST_LOAD_BATCH_SIZE);
    const reseed = new FirstLoadRecorder(false);
    await seedStore(reseed, { households: 100, seed: 5, world });
    expect(reseed.runs[0]?.batchSize).toBe(5_000);
  });
});
