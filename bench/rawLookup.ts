import neo4j, { type Driver } from 'neo4j-driver';
import { summarize, type LoadRun, type LoadSummary } from './httpLoad';
import { cpuPerRequest, type CpuSample } from './cpuUsage';
import { percentile } from './stats';

/** Section 2's floor: the most trivial indexed read, one need by id (the uniqueness constraint's index). */
export const RAW_LOOKUP_CYPHER = 'MATCH (n:Need {id: $id}) RETURN n';

/**
 * `concurrency` loops, each running the lookup in a read transaction of its
 * own session (as the adapter's Neo4jRunner does) for `seconds`, over the
 * same driver settings as the adapter (createNeo4jDriver).
 */
async function lookupRun(driver: Driver, ids: readonly string[], concurrency: number, seconds: number): Promise<LoadRun> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const id = ids[next++ % ids.length] as string;
      const t0 = performance.now();
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.executeRead((tx) => tx.run(RAW_LOOKUP_CYPHER, { id }));
        if (result.records.length !== 1) errors++;
      } catch {
        errors++;
      } finally {
        await session.close();
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    non2xx: 0,
    graphqlErrors: 0,
  };
}

export async function lookupSeries(
  driver: Driver,
  ids: readonly string[],
  options: { connections: number; seconds: number; warmupSeconds: number; runs: number; cpu?: () => Promise<CpuSample> },
): Promise<LoadSummary> {
  if (options.warmupSeconds > 0) await lookupRun(driver, ids, options.connections, options.warmupSeconds);
  const before = await options.cpu?.();
  const runs: LoadRun[] = [];
  for (let i = 0; i < options.runs; i++) runs.push(await lookupRun(driver, ids, options.connections, options.seconds));
  const after = await options.cpu?.();
  const summary = summarize(runs);
  if (before && after) summary.cpu = cpuPerRequest(before, after, runs.reduce((n, r) => n + r.requests, 0));
  return summary;
}
