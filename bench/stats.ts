/** Percentiles and medians of measured samples (nearest-rank on a sorted copy). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new Error(`bench/stats: percentile must be within 0..100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Runs `work` `warmups` times unmeasured, then `runs` times; returns the measured durations (ms) and results. */
export async function timedRuns<T>(runs: number, warmups: number, work: (index: number) => Promise<T>): Promise<Array<{ ms: number; result: T }>> {
  for (let i = 0; i < warmups; i++) await work(-1 - i);
  const out: Array<{ ms: number; result: T }> = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await work(i);
    out.push({ ms: performance.now() - started, result });
  }
  return out;
}
