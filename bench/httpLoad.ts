import autocannon from 'autocannon';
import { cpuPerRequest, type CpuPerRequest, type CpuSample } from './cpuUsage';
import { median, percentile } from './stats';

export interface LoadRun {
  requests: number;
  seconds: number;
  /** Completed requests per second. */
  rps: number;
  /** Latency in ms from autocannon's per-response timing (float, not its 1 ms-bucket histogram). */
  p50: number;
  p99: number;
  /** Socket errors and timeouts, non-2xx answers, and 2xx answers carrying GraphQL errors. */
  errors: number;
  non2xx: number;
  graphqlErrors: number;
}

export interface LoadSummary {
  runs: LoadRun[];
  /** Medians over the measured runs. */
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU ms per request over the measured runs, when the caller sampled it. */
  cpu?: CpuPerRequest;
}

export interface HttpTarget {
  url: string;
  headers: Record<string, string>;
  /** Request bodies, sent in turn (e.g. one per need id). */
  bodies: readonly string[];
}

/**
 * One bounded autocannon run on loopback: `connections` keep-alive
 * connections, one request in flight each, for `seconds`.
 */
export async function loadRun(target: HttpTarget, connections: number, seconds: number): Promise<LoadRun> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(target.url)) throw new Error(`bench/httpLoad: refusing ${target.url}; the bench only loads servers on 127.0.0.1`);
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let next = 0;
  const bodies = target.bodies;
  const options: autocannon.Options = {
    url: target.url,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 30,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
  const non2xx = result.non2xx;
  return {
    requests: latencies.length,
    seconds: result.duration,
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx,
    graphqlErrors,
  };
}

/** A warm-up run (discarded), then `runs` measured runs; medians over the measured ones. */
export async function loadSeries(
  target: HttpTarget,
  options: { connections: number; seconds: number; warmupSeconds: number; runs: number; cpu?: () => Promise<CpuSample> },
): Promise<LoadSummary> {
  if (options.warmupSeconds > 0) await loadRun(target, options.connections, options.warmupSeconds);
  const before = await options.cpu?.();
  const runs: LoadRun[] = [];
  for (let i = 0; i < options.runs; i++) runs.push(await loadRun(target, options.connections, options.seconds));
  const after = await options.cpu?.();
  const summary = summarize(runs);
  if (before && after) summary.cpu = cpuPerRequest(before, after, runs.reduce((n, r) => n + r.requests, 0));
  return summary;
}

export function summarize(runs: LoadRun[]): LoadSummary {
  return {
    runs,
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    failures: runs.reduce((n, r) => n + r.errors + r.non2xx + r.graphqlErrors, 0),
  };
}

/** One request, answered and parsed: to check a query works before loading it. */
export async function postJson(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; json: { data?: unknown; errors?: Array<{ message: string }> } }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string }> } };
  } catch {
    throw new Error(`bench/httpLoad: ${url} answered ${res.status} with non-JSON: ${text.slice(0, 200)}`);
  }
}
