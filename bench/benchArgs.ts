import { join } from 'node:path';

/** What `npm run bench -- …` was asked to do (see bench/README.md). */
export const SECTIONS = ['load', 'match', 'overhead', 'peer', 'plan', 'coverage', 'writers', 'mixed', 'import', 'map', 'hsds'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchArgs {
  smoke: boolean;
  /** Households per dataset, ascending. */
  sizes: number[];
  only: ReadonlySet<Section>;
  /** Bolt URI given with --neo4j-uri or NEO4J_URI; null: start a Neo4j of our own (unless --memory-only). */
  neo4jUri: string | null;
  memoryOnly: boolean;
  /** Allow emptying a database we did not start (it is emptied before every load). */
  wipe: boolean;
  seed: number;
  /** The dataset that match, overhead, peer and plan run on (the issue's 100,000 households). */
  matchSize: number;
  /** OPEN needs planAllocations is run for (extra synthetic needs are added to reach it). */
  planNeeds: number;
  /** Seconds per measured HTTP / lookup run, and how many runs (after one warm-up run). */
  httpSeconds: number;
  httpWarmupSeconds: number;
  httpRuns: number;
  /** Measured runs of each bulk load at sizes ≤ 100,000 (one run above). */
  loadRuns: number;
  /** Measured runs of planAllocations, coverage and networkMetrics (after a cold first call). */
  serviceRuns: number;
  out: string;
  /** Regenerate the report from a results file instead of measuring. */
  fromJson: string | null;
  /** The command line, for the report. */
  command: string;
}

const DEFAULT_SEED = 20261127;

export function parseBenchArgs(argv: readonly string[], env: Record<string, string | undefined>): BenchArgs {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`bench/run: unexpected argument ${JSON.stringify(arg)}; flags start with -- (see bench/README.md)`);
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (BOOLEAN_FLAGS.has(arg.slice(2))) {
      flags.set(arg.slice(2), true);
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`bench/run: ${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    }
  }
  for (const name of flags.keys()) {
    if (!BOOLEAN_FLAGS.has(name) && !VALUE_FLAGS.has(name)) {
      throw new Error(`bench/run: unknown flag --${name}; known: ${[...BOOLEAN_FLAGS, ...VALUE_FLAGS].map((f) => `--${f}`).join(', ')}`);
    }
  }
  const str = (name: string): string | undefined => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const int = (name: string, fallback: number, min = 1): number => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new Error(`bench/run: --${name} must be a whole number ≥ ${min}, got ${JSON.stringify(raw)}`);
    return n;
  };

  const smoke = flags.get('smoke') === true;
  const sizes = str('sizes')
    ? (str('sizes') as string).split(',').map((s) => {
        const n = Number(s.trim().replace(/_/g, ''));
        if (!Number.isInteger(n) || n < 1) throw new Error(`bench/run: --sizes takes whole numbers of households, e.g. 100000,1000000 (got ${JSON.stringify(s)})`);
        return n;
      })
    : smoke
      ? [2_000]
      : [100_000, 1_000_000];
  sizes.sort((a, b) => a - b);

  const onlyRaw = str('only');
  const only = new Set<Section>(
    onlyRaw === undefined
      ? SECTIONS
      : onlyRaw.split(',').map((s) => {
          const name = s.trim() as Section;
          if (!SECTIONS.includes(name)) throw new Error(`bench/run: --only takes ${SECTIONS.join(',')} (got ${JSON.stringify(s)})`);
          return name;
        }),
  );

  const neo4jUri = str('neo4j-uri') ?? (env['NEO4J_URI'] || null);
  const matchSize = int('match-size', sizes.includes(100_000) ? 100_000 : (sizes[0] as number));
  if (!sizes.includes(matchSize)) throw new Error(`bench/run: --match-size ${matchSize} must be one of --sizes (${sizes.join(',')})`);

  return {
    smoke,
    sizes,
    only,
    neo4jUri,
    memoryOnly: flags.get('memory-only') === true || (smoke && neo4jUri === null),
    wipe: flags.get('wipe') === true,
    seed: int('seed', DEFAULT_SEED, -Number.MAX_SAFE_INTEGER),
    matchSize,
    planNeeds: int('plan-needs', smoke ? 2_000 : 100_000),
    httpSeconds: int('duration', smoke ? 1 : 4),
    httpWarmupSeconds: smoke ? 1 : 2,
    httpRuns: int('runs', smoke ? 1 : 3),
    loadRuns: int('load-runs', smoke ? 1 : 2),
    serviceRuns: int('service-runs', smoke ? 1 : 3),
    out: str('out') ?? (smoke ? join('.data', 'bench', 'BENCHMARKS.smoke.md') : 'BENCHMARKS.md'),
    fromJson: str('from-json') ?? null,
    command: ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' '),
  };
}

const BOOLEAN_FLAGS = new Set(['smoke', 'memory-only', 'wipe']);
const VALUE_FLAGS = new Set(['sizes', 'only', 'neo4j-uri', 'seed', 'match-size', 'plan-needs', 'duration', 'runs', 'load-runs', 'service-runs', 'out', 'from-json']);
