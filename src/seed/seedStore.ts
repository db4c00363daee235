import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityKind } from '../domain/ids';
import type { EntityMap } from '../domain/model';
import type { GraphStore } from '../store/GraphStore';
import { validateEntity } from '../store/validateEntity';
import type { SeedRun } from '../store/SeedRun';
import { DEFAULT_BATCH_SIZE, generateSynthetic, type SyntheticBatch } from './generateSynthetic';
import { loadSyntheticWorld, type SyntheticWorld } from './syntheticWorld';

export interface SeedOptions {
  households: number;
  seed: number;
  /** Progress and summary lines (the CLI prints them; tests collect them). */
  log?: (line: string) => void;
  /** Log a progress line each time this many more households are written. */
  progressEvery?: number;
  batchSize?: number;
  /** Milliseconds clock for rates and ETA; injectable so tests don't depend on time. */
  now?: () => number;
  world?: SyntheticWorld;
  /**
   * Continue the seed this record describes (a seed that stopped part-way):
   * its first `stepsDone` steps are in the store and are not written again.
   * Its households, seed and batch size must be the ones given here.
   */
  resume?: SeedRun;
  /** Wall clock for the seed record's timestamps; injectable for tests. */
  clock?: () => Date;
}

/**
 * All seeding needs from a store: the bulk writes of the GraphStore port and the seed's own record. A target
 * that also offers insertNew, getSeedRun and list gets the first-load path when it starts out empty.
 */
export type SeedTarget = Pick<GraphStore, 'upsertMany' | 'upsertCategories' | 'putSeedRun'> & Partial<FirstLoadTarget>;
/** What the first-load path needs besides: the known-new bulk write and the reads that tell an empty store. */
export type FirstLoadTarget = Pick<GraphStore, 'insertNew' | 'getSeedRun' | 'list'>;

export type SeedCounts = { categories: number } & Record<SeededKind, number>;
type SeededKind = 'Township' | 'Village' | 'Organization' | 'Service' | 'Person' | 'Relationship' | 'Household' | 'Need';

export const DEFAULT_PROGRESS_EVERY = 50_000;
/** Households per step of a first load (insertNew): bigger transactions, fewer commits (BENCHMARKS.md "Bulk load"). */
export const FIRST_LOAD_BATCH_SIZE = 20_000;
/** Households generated between turns of the event loop while a first-load batch commits. */
const GENERATION_SLICE = 1_000;

/**
 * Write the whole seed into a store: categories, the real Dayi places and
 * stakeholders, then the synthetic people, households and needs, in batches
 * through upsertMany. Every id is deterministic, so running it twice with the
 * same options writes the same rows again and changes no count.
 *
 * Resumable: the seed's record (SeedRun) is written IN_PROGRESS before the
 * first row, moved on after each step (one upsert), and COMPLETE after the
 * last, so a seed killed part-way leaves a record saying so and how far it
 * got; `resume` continues it from there (a step cut off mid-way is written
 * again, which the deterministic ids make harmless).
 * Returns how many rows of each kind the seed holds (resumed steps included).
 *
 * First load (issue 13 item 5): a seed that is not a resume, into a target that offers insertNew and holds no
 * seed record and none of the seeded kinds, writes every row with insertNew (CREATE, no replace work) in steps
 * of FIRST_LOAD_BATCH_SIZE households (unless batchSize is given; the seed record keeps it, so a resume
 * repeats the same steps through upsertMany), and prepares the next batch (generates and validates it, the
 * one validation pass) while the previous one commits. Any other seed, and every resume, uses upsertMany.
 */
export async function seedStore(store: SeedTarget, options: SeedOptions): Promise<SeedCounts> {
  const log = options.log ?? (() => {});
  const now = options.now ?? Date.now;
  const clock = options.clock ?? (() => new Date());
  const progressEvery = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  const world = options.world ?? loadSyntheticWorld();
  const resume = options.resume;
  const firstLoad = resume === undefined ? await firstLoadTarget(store) : null;
  const batchSize = options.batchSize ?? (firstLoad ? FIRST_LOAD_BATCH_SIZE : DEFAULT_BATCH_SIZE);
  if (resume && (resume.households !== options.households || resume.seed !== options.seed || resume.batchSize !== batchSize)) {
    throw new Error(
      `seed/seedStore: cannot resume a seed of ${resume.households} households (seed ${resume.seed}, batch ${resume.batchSize}) ` +
        `with ${options.households} households (seed ${options.seed}, batch ${batchSize}); resume it with its own options`,
    );
  }
  const skip = resume?.stepsDone ?? 0;
  const startedAt = resume?.startedAt ?? clock().toISOString();
  let run: SeedRun = {
    status: 'IN_PROGRESS',
    households: options.households,
    seed: options.seed,
    batchSize,
    stepsDone: skip,
    startedAt,
    updatedAt: clock().toISOString(),
    completedAt: null,
  };
  await store.putSeedRun(run);
  if (skip > 0) log(`seed: resuming an interrupted seed after its first ${skip} steps (started ${startedAt})`);
  if (firstLoad) log(`seed: empty store; first load with insertNew in steps of ${fmt(batchSize)} households`);
  let step = 0;
  const counts: SeedCounts = {
    categories: 0,
    Township: 0,
    Village: 0,
    Organization: 0,
    Service: 0,
    Person: 0,
    Relationship: 0,
    Household: 0,
    Need: 0,
  };
  /** One step: written unless an earlier run of this seed wrote it; the record moves on after it. */
  const inStep = async (work: () => Promise<unknown>) => {
    step += 1;
    if (step <= skip) return;
    await work();
    run = { ...run, stepsDone: step, updatedAt: clock().toISOString() };
    await store.putSeedRun(run);
  };
  /** `validated`: the rows passed validateEntity in this process already (the first load's prepare step). */
  const write = async <K extends SeededKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>, validated = false) => {
    if (rows.length === 0) return;
    await inStep(() => (firstLoad ? firstLoad.insertNew(kind, rows, { validated }) : store.upsertMany(kind, rows)));
    counts[kind] += rows.length;
  };

  await inStep(() => store.upsertCategories(world.categories));
  counts.categories = world.categories.length;
  await write('Township', world.places.townships);
  await write('Village', world.places.villages);
  log(`seed: ${counts.Township} townships, ${counts.Village} villages/communities, ${counts.categories} categories (real)`);

  const { organizations, services, relationships } = world.stakeholders;
  await write('Organization', organizations);
  await write('Service', services);
  await write('Relationship', relationships);
  log(`seed: ${organizations.length} organisations, ${services.length} services, ${relationships.length} relationships (real, seed/stakeholders.json)`);

  const started = now();
  let nextReport = progressEvery;
  const onProgress = ({ households, total }: { households: number; total: number }) => {
    if (households < nextReport && households < total) return;
    while (nextReport <= households) nextReport += progressEvery;
    if (total >= progressEvery) log(progressLine(households, total, now() - started));
  };
  if (firstLoad) {
    // One batch in flight while the next is generated and validated; a failure is held (not left unhandled) until awaited.
    let inFlight: Promise<unknown> = Promise.resolve(null);
    const settle = async () => {
      const failure = await inFlight;
      if (failure !== null) throw failure instanceof Error ? failure : new Error("seed/seedStore: a first-load write failed", { cause: failure });
    };
    for await (const batch of preparedBatches({ households: options.households, seed: options.seed, world, batchSize })) {
      await settle();
      inFlight = writeBatch(batch, write, true).then(
        () => {
          if (batch.kind === 'Household') onProgress({ households: counts.Household, total: options.households });
          return null;
        },
        (error: unknown) => error,
      );
      await nextTurn();
    }
    await settle();
  } else {
    const batches = generateSynthetic({
      households: options.households,
      seed: options.seed,
      world,
      onProgress,
      batchSize,
    });
    for (const batch of batches) {
      await writeBatch(batch, write);
      // Let timers and I/O run between batches: a server seeding on start stays responsive.
      if (step > skip) await nextTurn();
    }
  }
  const completedAt = clock().toISOString();
  await store.putSeedRun({ ...run, status: 'COMPLETE', stepsDone: step, updatedAt: completedAt, completedAt });

  log(
    `seed: synthetic ${fmt(counts.Person)} people, ${fmt(counts.Household)} households, ${fmt(counts.Need)} needs ` +
      `(seed ${options.seed}; ${formatDuration(now() - started)})`,
  );
  return counts;
}

/** "seed: 150,000/1,000,000 households (31,250/s, ETA 27s)" */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? formatDuration(((total - done) / rate) * 1000) : '?';
  return `seed: ${fmt(done)}/${fmt(total)} households (${fmt(Math.round(rate))}/s, ETA ${eta})`;
}

// Private:

const SEEDED_KINDS: readonly SeededKind[] = ['Township', 'Village', 'Organization', 'Service', 'Person', 'Relationship', 'Household', 'Need'];

/** The target as a first-load target when it offers insertNew and holds no seed record and no row of a seeded kind; else null. */
async function firstLoadTarget(store: SeedTarget): Promise<FirstLoadTarget | null> {
  const { insertNew, getSeedRun, list } = store;
  if (insertNew === undefined || getSeedRun === undefined || list === undefined) return null;
  const target: FirstLoadTarget = { insertNew: insertNew.bind(store), getSeedRun: getSeedRun.bind(store), list: list.bind(store) };
  if ((await target.getSeedRun()) !== null) return null;
  for (const kind of SEEDED_KINDS) {
    const page = await target.list(kind, {}, { first: 1, count: false });
    if (page.items.length > 0) return null;
  }
  return target;
}

/**
 * The synthetic rows in steps of `batchSize` households (people, their ties, then each step's households and
 * their needs: the same rows and steps as generateSynthetic with that batch size), each row validated here,
 * once. Generated a slice at a time with a turn of the event loop between slices, so the batch in flight
 * keeps moving (its driver messages, its commit) while the next one is prepared.
 */
async function* preparedBatches(options: { households: number; seed: number; world: SyntheticWorld; batchSize: number }): AsyncGenerator<SyntheticBatch> {
  const { batchSize } = options;
  const slice = batchSize % GENERATION_SLICE === 0 ? GENERATION_SLICE : batchSize;
  let households: Array<EntityMap['Household']> = [];
  let needs: Array<EntityMap['Need']> = [];
  const flush = function* (): Generator<SyntheticBatch> {
    if (households.length > 0) yield { kind: 'Household', rows: households };
    if (needs.length > 0) yield { kind: 'Need', rows: needs };
    households = [];
    needs = [];
  };
  for (const batch of generateSynthetic({ households: options.households, seed: options.seed, world: options.world, batchSize: slice })) {
    switch (batch.kind) {
      case 'Person':
      case 'Relationship':
        validateAll(batch);
        yield batch;
        break;
      case 'Household':
        if (households.length >= batchSize) yield* flush();
        validateAll(batch, households.length);
        for (const row of batch.rows) households.push(row);
        await nextTurn();
        break;
      case 'Need':
        validateAll(batch, needs.length);
        for (const row of batch.rows) needs.push(row);
        break;
    }
  }
  yield* flush();
}

/** The one validation pass of the first load: BAD_USER_INPUT at [row in its step, …field] (as the store would say). */
function validateAll(batch: SyntheticBatch, firstRow = 0): void {
  batch.rows.forEach((row, index) => validateEntity(batch.kind, row, [firstRow + index]));
}

function writeBatch(
  batch: SyntheticBatch,
  write: <K extends SeededKind>(kind: K, rows: ReadonlyArray<EntityMap[K]>, validated?: boolean) => Promise<void>,
  validated = false,
): Promise<void> {
  // A switch per kind keeps the row type tied to the kind for upsertMany.
  switch (batch.kind) {
    case 'Person':
      return write('Person', batch.rows, validated);
    case 'Relationship':
      return write('Relationship', batch.rows, validated);
    case 'Household':
      return write('Household', batch.rows, validated);
    case 'Need':
      return write('Need', batch.rows, validated);
    default: {
      const unreachable: never = batch;
      throw new Error(`seed/seedStore: unknown batch kind ${String((unreachable as { kind: EntityKind }).kind)}`);
    }
  }
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m ${s % 60}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}
