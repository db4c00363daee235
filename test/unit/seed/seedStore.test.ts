import type { EntityKind } from '../../../src/domain/ids';
import type { Category, EntityMap } from '../../../src/domain/model';
import { progressLine, seedStore, type SeedTarget } from '../../../src/seed/seedStore';
import { loadSyntheticWorld } from '../../../src/seed/syntheticWorld';
import type { SeedRun } from '../../../src/store/SeedRun';
import { nonEmpty } from '../../support/nonEmpty';

const world = loadSyntheticWorld();

/** A stand-in for the store's bulk writes: rows by kind and id, plus the order kinds were first written in. */
class RecordingStore implements SeedTarget {
  readonly rows = new Map<EntityKind, Map<string, unknown>>();
  readonly categories = new Map<string, Category>();
  readonly firstWrites: EntityKind[] = [];

  /** Every write in order: `upsert Kind`, `categories`, `seedRun STATUS stepsDone`. */
  readonly trace: string[] = [];

  async upsertMany<K extends EntityKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>): Promise<{ written: number }> {
    this.trace.push(`upsert ${kind}`);
    if (!this.rows.has(kind)) {
      this.rows.set(kind, new Map());
      this.firstWrites.push(kind);
    }
    const table = this.rows.get(kind)!;
    for (const row of rows) table.set(row.id, JSON.parse(JSON.stringify(row)));
    return { written: rows.length };
  }

  async upsertCategories(rows: ReadonlyArray<Category>): Promise<void> {
    this.trace.push('categories');
    for (const row of rows) this.categories.set(row.code, row);
  }

  /** Every seed record written, in order. */
  readonly seedRuns: SeedRun[] = [];

  async putSeedRun(run: SeedRun): Promise<void> {
    this.trace.push(`seedRun ${run.status} ${run.stepsDone}`);
    this.seedRuns.push({ ...run });
  }

  size(kind: EntityKind): number {
    return this.rows.get(kind)?.size ?? 0;
  }

  snapshot(): string {
    return JSON.stringify([...this.rows].map(([kind, table]) => [kind, [...table.values()]]));
  }
}

const options = { households: 3000, seed: 42, world, batchSize: 1000 };

describe('seedStore', () => {
  it('writes the real places and stakeholders and the synthetic rows, and returns what it wrote', async () => {
    const store = new RecordingStore();
    const counts = await seedStore(store, options);
    expect(counts).toMatchObject({ categories: 10, Township: 11, Village: 147, Household: 3000 });
    for (const kind of ['Township', 'Village', 'Organization', 'Service', 'Person', 'Household', 'Need'] as const) {
      expect(store.size(kind)).toBe(counts[kind]);
    }
    expect(store.size('Relationship')).toBe(counts.Relationship);
    expect(store.categories.size).toBe(10);
  });

  it('changes nothing when run a second time with the same options', async () => {
    const store = new RecordingStore();
    await seedStore(store, options);
    const before = store.snapshot();
    await seedStore(store, options);
    expect(store.snapshot()).toBe(before);
  });

  it('writes what rows point to before the rows themselves', async () => {
    const store = new RecordingStore();
    await seedStore(store, options);
    const order = store.firstWrites;
    const before = (a: EntityKind, b: EntityKind) => {
      // Both must have been written: indexOf is -1 for a kind never written, which is "before" everything.
      expect(order).toEqual(expect.arrayContaining([a, b]));
      expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    };
    before('Township', 'Village');
    before('Village', 'Organization');
    before('Organization', 'Service');
    before('Organization', 'Person');
    before('Person', 'Household');
    before('Household', 'Need');
  });

  it('keeps the real stakeholders unsynthetic and the generated rows synthetic', async () => {
    const store = new RecordingStore();
    await seedStore(store, options);
    const all = (kind: EntityKind) => nonEmpty([...(store.rows.get(kind)?.values() ?? [])] as Array<{ synthetic: boolean }>, `${kind} row`);
    expect(all('Organization').every((o) => !o.synthetic)).toBe(true);
    expect(all('Service').every((s) => !s.synthetic)).toBe(true);
    expect(all('Person').every((p) => p.synthetic)).toBe(true);
    expect(all('Household').every((h) => h.synthetic)).toBe(true);
  });

  it('logs a progress line each time another progressEvery households are written', async () => {
    const lines: string[] = [];
    let clock = 0;
    await seedStore(new RecordingStore(), {
      ...options,
      progressEvery: 1000,
      log: (line) => lines.push(line),
      now: () => (clock += 250),
    });
    const progress = lines.filter((l) => l.includes('households ('));
    expect(progress.map((l) => l.split(' households')[0])).toEqual(['seed: 1,000/3,000', 'seed: 2,000/3,000', 'seed: 3,000/3,000']);
  });

  it('logs no progress lines for a run smaller than one step', async () => {
    const lines: string[] = [];
    await seedStore(new RecordingStore(), { ...options, log: (line) => lines.push(line) });
    expect(lines.some((l) => l.includes('households ('))).toBe(false);
    expect(lines.at(-1)).toMatch(/synthetic \d+ people, 3,000 households/);
  });
});

describe('seedStore: the seed record, and resuming', () => {
  const clock = () => new Date('2026-11-27T08:00:00.000Z');

  it('writes the record IN_PROGRESS before the first row, after every step, and COMPLETE after the last', async () => {
    const store = new RecordingStore();
    await seedStore(store, { ...options, clock });
    const writes = store.trace.filter((t) => !t.startsWith('seedRun'));
    expect(store.trace[0]).toBe('seedRun IN_PROGRESS 0');
    expect(store.trace.at(-1)).toBe(`seedRun COMPLETE ${writes.length}`);
    // Each write is followed by the record saying it is done.
    store.trace.slice(1, -1).forEach((entry, i) => {
      if (i % 2 === 1) expect(entry).toBe(`seedRun IN_PROGRESS ${(i + 1) / 2}`);
      else expect(entry).not.toMatch(/^seedRun/);
    });
    expect(store.seedRuns.at(-1)).toEqual({
      status: 'COMPLETE',
      households: 3000,
      seed: 42,
      batchSize: 1000,
      stepsDone: writes.length,
      startedAt: '2026-11-27T08:00:00.000Z',
      updatedAt: '2026-11-27T08:00:00.000Z',
      completedAt: '2026-11-27T08:00:00.000Z',
    });
  });

  it('resumes after the steps a stopped run finished, writing only the rest, and ends with the same rows', async () => {
    const whole = new RecordingStore();
    await seedStore(whole, options);
    const stepsInAll = whole.seedRuns.at(-1)!.stepsDone;

    const store = new RecordingStore();
    // Killed at the first household batch.
    const dying: SeedTarget = {
      upsertMany: (kind, rows) => (kind === 'Household' ? Promise.reject(new Error('synthetic: killed')) : store.upsertMany(kind, rows)),
      upsertCategories: (rows) => store.upsertCategories(rows),
      putSeedRun: (run) => store.putSeedRun(run),
    };
    await expect(seedStore(dying, options)).rejects.toThrow('killed');
    const stopped = store.seedRuns.at(-1)!;
    expect(stopped.status).toBe('IN_PROGRESS');
    expect(stopped.stepsDone).toBeGreaterThan(0);
    store.trace.length = 0;

    await seedStore(store, { ...options, resume: stopped });

    const rewritten = store.trace.filter((t) => !t.startsWith('seedRun'));
    expect(rewritten).toHaveLength(stepsInAll - stopped.stepsDone);
    expect(rewritten).not.toContain('categories');
    expect(rewritten[0]).toBe('upsert Household');
    expect(store.snapshot()).toBe(whole.snapshot());
    expect(store.seedRuns.at(-1)).toMatchObject({ status: 'COMPLETE', stepsDone: stepsInAll, startedAt: stopped.startedAt });
  });

  it('refuses to resume a seed with other options than it was started with', async () => {
    const store = new RecordingStore();
    const stopped: SeedRun = { ...options, status: 'IN_PROGRESS', stepsDone: 4, startedAt: clock().toISOString(), updatedAt: clock().toISOString(), completedAt: null };
    await expect(seedStore(store, { ...options, households: 10, resume: stopped })).rejects.toThrow(/cannot resume a seed of 3000 households/);
    expect(store.trace).toEqual([]);
  });
});

describe('progressLine', () => {
  it('shows count, rate and time left', () => {
    expect(progressLine(50_000, 1_000_000, 2_000)).toBe('seed: 50,000/1,000,000 households (25,000/s, ETA 38s)');
  });

  it('shows minutes for longer waits', () => {
    expect(progressLine(50_000, 1_000_000, 20_000)).toBe('seed: 50,000/1,000,000 households (2,500/s, ETA 6m 20s)');
  });
});
