/**
 * The mixed workload of issue 13: matchNeed at 10 connections read-only and,
 * in the same run right after, with a steady stream of recordNeed writes
 * (2 per second) through the same API; then "the first match after a write"
 * against a warm match, five rounds. Reported, never asserted.
 */
import { loadSeries, postJson, type HttpTarget, type LoadSummary } from './httpLoad';
import type { CpuSample } from './cpuUsage';
import { median } from './stats';

export interface MixedFigures {
  adapter: 'memory' | 'neo4j';
  households: number;
  writesPerSecond: number;
  readOnly: LoadSummary;
  mixed: LoadSummary;
  writes: { sent: number; failed: number; seconds: number };
  /** One match right after a recordNeed, and one right after that (warm), per round. */
  firstAfterWriteMs: number[];
  warmMs: number[];
}

export const MIXED_WRITES_PER_SECOND = 2;
const ROUNDS = 5;

export interface MixedOptions {
  adapter: 'memory' | 'neo4j';
  households: number;
  match: HttpTarget;
  /** Households the writer records needs for (synthetic: the seed's), and a category code. */
  householdIds: readonly string[];
  category: string;
  series: { connections: number; seconds: number; warmupSeconds: number; runs: number; cpu?: () => Promise<CpuSample> };
  log: (line: string) => void;
}

const RECORD_NEED = `mutation Record($input: RecordNeedInput!) { recordNeed(input: $input) { id } }`;

export async function mixedWorkload(o: MixedOptions): Promise<MixedFigures> {
  let written = 0;
  const recordNeed = async (): Promise<boolean> => {
    const householdId = o.householdIds[written % o.householdIds.length] as string;
    written += 1;
    const body = JSON.stringify({
      query: RECORD_NEED,
      variables: { input: { householdId, category: o.category, urgency: 'LOW', description: '合成数据（基准测试）：synthetic bench need' } },
    });
    const res = await postJson(o.match.url, o.match.headers, body);
    return res.status === 200 && !res.json.errors;
  };

  o.log(`  mixed: matchNeed at ${o.series.connections} connections read-only`);
  const readOnly = await loadSeries(o.match, o.series);
  o.log(`    p50 ${readOnly.p50.toFixed(1)} ms p99 ${readOnly.p99.toFixed(1)} ms ${Math.round(readOnly.rps)} req/s`);

  o.log(`  mixed: the same with ${MIXED_WRITES_PER_SECOND} recordNeed/s beside it`);
  let sent = 0;
  let failed = 0;
  let stop = false;
  const started = performance.now();
  const writer = (async () => {
    const interval = 1000 / MIXED_WRITES_PER_SECOND;
    let next = performance.now();
    while (!stop) {
      next += interval;
      sent += 1;
      // Fire and go on: a slow write must not lower the rate the readers see.
      void recordNeed().then(
        (ok) => {
          if (!ok) failed += 1;
        },
        () => {
          failed += 1;
        },
      );
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  let mixed: LoadSummary;
  try {
    mixed = await loadSeries(o.match, o.series);
  } finally {
    stop = true;
    await writer;
  }
  const seconds = (performance.now() - started) / 1000;
  o.log(`    p50 ${mixed.p50.toFixed(1)} ms p99 ${mixed.p99.toFixed(1)} ms ${Math.round(mixed.rps)} req/s; ${sent} writes (${failed} failed) in ${seconds.toFixed(0)} s`);

  const firstAfterWriteMs: number[] = [];
  const warmMs: number[] = [];
  const timedMatch = async (i: number) => {
    const t0 = performance.now();
    const res = await postJson(o.match.url, o.match.headers, o.match.bodies[i % o.match.bodies.length] as string);
    if (res.json.errors) throw new Error(`matchNeed failed: ${JSON.stringify(res.json.errors).slice(0, 300)}`);
    return performance.now() - t0;
  };
  for (let round = 0; round < ROUNDS; round++) {
    if (!(await recordNeed())) throw new Error('bench/mixedWorkload: recordNeed failed');
    firstAfterWriteMs.push(await timedMatch(round));
    warmMs.push(await timedMatch(round + 1));
  }
  o.log(`  first match after a write ${median(firstAfterWriteMs).toFixed(1)} ms, warm ${median(warmMs).toFixed(1)} ms (medians of ${ROUNDS})`);
  return {
    adapter: o.adapter,
    households: o.households,
    writesPerSecond: MIXED_WRITES_PER_SECOND,
    readOnly,
    mixed,
    writes: { sent, failed, seconds },
    firstAfterWriteMs,
    warmMs,
  };
}

/** Goals of issue 13 for the mixed workload (Neo4j): p50 ≤ 1.2×, p99 ≤ 1.5× read-only; at 1,000,000 the first match after a write ≤ 3× a warm one. */
export const MIXED_GOALS = { p50Ratio: 1.2, p99Ratio: 1.5, firstAfterWriteRatio: 3, firstAfterWriteHouseholds: 1_000_000 } as const;

export function mixedReport(all: readonly MixedFigures[] | undefined, smoke: boolean): string[] {
  if (!all || all.length === 0) return [];
  const f = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
  const out = ['## Mixed workload: matchNeed beside a stream of writes (issue 13)', ''];
  out.push(
    `matchNeed at 10 connections read-only, then in the same run the same load with ${MIXED_WRITES_PER_SECOND} recordNeed/s sent through the same API (fire-and-forget, so a slow write does not slow the sender), then five rounds of "record a need, time one match, time the next one" (bench/mixedWorkload.ts). Households and needs are synthetic.`,
    '',
  );
  out.push('| Store | Households | Read-only p50 / p99 / req/s | Mixed p50 / p99 / req/s | p50 × | p99 × | Writes sent (failed) | First match after a write | Warm match | × |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const m of all) {
    const first = median(m.firstAfterWriteMs);
    const warm = median(m.warmMs);
    out.push(
      `| ${m.adapter} | ${m.households.toLocaleString('en-US')} | ${f(m.readOnly.p50)} / ${f(m.readOnly.p99)} / ${Math.round(m.readOnly.rps)} | ${f(m.mixed.p50)} / ${f(m.mixed.p99)} / ${Math.round(m.mixed.rps)} | ${(m.mixed.p50 / m.readOnly.p50).toFixed(2)}× | ${(m.mixed.p99 / m.readOnly.p99).toFixed(2)}× | ${m.writes.sent} (${m.writes.failed}) | ${f(first)} | ${f(warm)} | ${(first / warm).toFixed(1)}× |`,
    );
  }
  out.push('');
  if (smoke) out.push('Smoke run: tiny data and 1-second runs; not figures to quote.', '');
  return out;
}

/** The goal rows the report's goal table gets from the mixed runs. */
export function mixedGoalRows(all: readonly MixedFigures[] | undefined, smoke: boolean): Array<{ goal: string; target: string; measured: string; verdict: 'MET' | 'MISSED' | 'NOT MEASURED' | 'n/a (smoke)' }> {
  const neo = (all ?? []).filter((m) => m.adapter === 'neo4j');
  const at100k = neo.find((m) => m.households === 100_000) ?? neo[0];
  const at1m = neo.find((m) => m.households === MIXED_GOALS.firstAfterWriteHouseholds);
  const verdict = (ok: boolean) => (smoke ? 'n/a (smoke)' : ok ? 'MET' : 'MISSED');
  const rows = [];
  if (at100k) {
    const p50 = at100k.mixed.p50 / at100k.readOnly.p50;
    const p99 = at100k.mixed.p99 / at100k.readOnly.p99;
    rows.push({
      goal: `matchNeed with ${MIXED_WRITES_PER_SECOND} recordNeed/s ÷ read-only, same run (Neo4j, ${at100k.households.toLocaleString('en-US')} households, p50 / p99)`,
      target: `≤ ${MIXED_GOALS.p50Ratio}× / ≤ ${MIXED_GOALS.p99Ratio}×`,
      measured: `${p50.toFixed(2)}× / ${p99.toFixed(2)}×`,
      verdict: verdict(p50 <= MIXED_GOALS.p50Ratio && p99 <= MIXED_GOALS.p99Ratio),
    } as const);
  } else {
    rows.push({ goal: `matchNeed with ${MIXED_WRITES_PER_SECOND} recordNeed/s ÷ read-only (Neo4j)`, target: `≤ ${MIXED_GOALS.p50Ratio}× / ≤ ${MIXED_GOALS.p99Ratio}×`, measured: '—', verdict: 'NOT MEASURED' } as const);
  }
  if (at1m) {
    const ratio = median(at1m.firstAfterWriteMs) / median(at1m.warmMs);
    rows.push({ goal: 'first match after a write ÷ a warm match (Neo4j, 1,000,000 households)', target: `≤ ${MIXED_GOALS.firstAfterWriteRatio}×`, measured: `${ratio.toFixed(1)}×`, verdict: verdict(ratio <= MIXED_GOALS.firstAfterWriteRatio) } as const);
  } else {
    rows.push({ goal: 'first match after a write ÷ a warm match (Neo4j, 1,000,000 households)', target: `≤ ${MIXED_GOALS.firstAfterWriteRatio}×`, measured: '—', verdict: 'NOT MEASURED' } as const);
  }
  return rows;
}
