import { newId } from '../src/domain/ids';
import type { Household, Need } from '../src/domain/model';
import { vulnerabilityScore } from '../src/domain/vulnerabilityIndex';
import type { GraphStore } from '../src/store/GraphStore';

/**
 * Concurrent writers (issue 13 item 3): W writers, each in a loop of "register
 * a household, record a need for it" (the store writes registerHousehold and
 * recordNeed make, with idempotency keys as the console sends them) for a
 * fixed time, in three layouts:
 * - 1 writer;
 * - W writers, each in a village of its own (distinct households, distinct villages);
 * - W writers in one village (distinct households sharing the village's counters and LIVES_IN lock).
 * Throughput is households written per second (two write transactions each).
 * Whether the network version moved is recorded: it must not (no shared node).
 * Every row is synthetic (`synthetic: true`, names say so).
 */
export interface WriterRun {
  layout: 'one writer' | 'distinct villages' | 'one shared village';
  writers: number;
  households: number;
  elapsedMs: number;
  /** Households per second over all writers. */
  perSecond: number;
  /** Per household (both transactions), over every writer's pairs. */
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface WriterFigures {
  adapter: 'memory' | 'neo4j';
  /** Households already in the store (the loaded dataset). */
  households: number;
  seconds: number;
  runs: WriterRun[];
  networkVersionMoved: boolean;
}

export async function concurrentWriters(
  store: GraphStore,
  options: { adapter: 'memory' | 'neo4j'; households: number; writers: number; seconds: number; villageIds: readonly string[]; category: string },
): Promise<WriterFigures> {
  if (options.villageIds.length < options.writers) {
    throw new Error(`bench/concurrentWriters: ${options.writers} writers need as many villages, the store has ${options.villageIds.length}`);
  }
  const versionBefore = await store.version();
  const runs: WriterRun[] = [];
  const layouts: Array<{ layout: WriterRun['layout']; villages: readonly string[] }> = [
    { layout: 'one writer', villages: options.villageIds.slice(0, 1) },
    { layout: 'distinct villages', villages: options.villageIds.slice(0, options.writers) },
    { layout: 'one shared village', villages: Array.from({ length: options.writers }, () => options.villageIds[0] as string) },
  ];
  for (const { layout, villages } of layouts) runs.push(await runWriters(store, layout, villages, options.seconds * 1000, options.category));
  return {
    adapter: options.adapter,
    households: options.households,
    seconds: options.seconds,
    runs,
    networkVersionMoved: (await store.version()) !== versionBefore,
  };
}

async function runWriters(store: GraphStore, layout: WriterRun['layout'], villages: readonly string[], durationMs: number, category: string): Promise<WriterRun> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    villages.map(async (villageId, writer) => {
      for (let i = 0; performance.now() < deadline; i += 1) {
        const t0 = performance.now();
        try {
          await writePair(store, villageId, `${layout}:${writer}:${i}:${started}`, category);
          latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    layout,
    writers: villages.length,
    households: latencies.length,
    elapsedMs,
    perSecond: (latencies.length * 1000) / elapsedMs,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    errors,
  };
}

/**
 * Register one synthetic household in `villageId` and record an OPEN need of
 * `category` for it, as registerHousehold and recordNeed write them: moves the
 * village's household counters (so the next network view is a new one).
 */
export async function writePair(store: GraphStore, villageId: string, key: string, category: string): Promise<void> {
  const at = new Date().toISOString();
  const base: Household = {
    id: newId('Household'),
    householdCode: null,
    villageId,
    size: 2,
    memberAgeBands: ['AGE_18_59', 'AGE_60_79'],
    markers: ['DIBAO'],
    disabilityGrade: null,
    head: { name: '并发写入户主(synthetic)', phone: null, idNumber: null },
    loan: null,
    vulnerabilityScore: 0,
    synthetic: true,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const household = await store.create('Household', { ...base, vulnerabilityScore: vulnerabilityScore(base) }, {
    idempotency: { key: `bench-writers:${key}:h`, operation: 'registerHousehold', fingerprint: key },
  });
  const need: Need = {
    id: newId('Need'),
    householdId: household.id,
    category,
    urgency: 'MEDIUM',
    description: '并发写入测试(synthetic)',
    status: 'OPEN',
    synthetic: true,
    createdAt: at,
    updatedAt: at,
  };
  await store.create('Need', need, { idempotency: { key: `bench-writers:${key}:n`, operation: 'recordNeed', fingerprint: key } });
}
