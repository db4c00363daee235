import type { HouseholdImportFigures } from './householdImport';
import type { MapRenderFigures } from './mapRender';
import type { HsdsExportFigures } from './hsdsExport';
import type { MixedFigures } from './mixedWorkload';
import type { WriterFigures } from './concurrentWriters';
import type { BenchArgs, Section } from './benchArgs';
import type { SeedTiming } from './bulkLoad';
import type { LoadSummary } from './httpLoad';
import type { MachineInfo } from './machineInfo';
import type { MemoryFigures } from './serveProtocol';

export type Adapter = 'memory' | 'neo4j';

/** Everything one `npm run bench` measured; written as JSON beside the report so the report can be regenerated. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  settings: Pick<BenchArgs, 'smoke' | 'sizes' | 'seed' | 'matchSize' | 'planNeeds' | 'httpSeconds' | 'httpWarmupSeconds' | 'httpRuns' | 'loadRuns' | 'serviceRuns'> & {
    only: Section[];
    childMaxOldSpaceMb: number;
    neo4jTimeoutMs: number | null;
  };
  machine: MachineInfo;
  neo4j: { version: string; edition: string; own: boolean; heap: string | null; pageCache: string | null } | null;
  /** Load average when each step began (other engineers' jobs share the machine). */
  loadAverages: Array<{ step: string; load: [number, number, number] }>;
  load: NeoLoad[];
  /** seedStore's CPU work without a database: generating rows, validating household rows. */
  seedCeilings: { households: number; generateMs: number; validateMs: number } | null;
  memoryLoad: Array<{ households: number; timing: SeedTiming }>;
  match: MatchFigures[];
  overhead: OverheadFigures[];
  peer: PeerFigures | { skipped: string } | null;
  plan: PlanFigures[];
  coverage: CoverageFigures[];
  rss: RssFigures[];
  /** Concurrent writers on distinct households (issue 13 item 3; bench/concurrentWriters.ts); absent in older results. */
  writers?: WriterFigures[];
  /** matchNeed beside a stream of writes (issue 13; bench/mixedWorkload.ts); absent in older results. */
  mixed?: MixedFigures[];
  /** The household import rate (issue 14 item 2; bench/householdImport.ts); absent in older results. */
  householdImport?: HouseholdImportFigures | null;
  /** The network map in headless Chromium (issue 12; bench/mapRender.ts); absent in older results. */
  mapRender?: MapRenderFigures | null;
  /** The HSDS export of the whole directory (issue 14 item 1; bench/hsdsExport.ts); absent in older results. */
  hsdsExport?: HsdsExportFigures | null;
  /** Steps that failed: reported in the file, the rest of the run goes on. */
  failures: Array<{ step: string; message: string }>;
}

export interface NeoLoad {
  households: number;
  runs: SeedTiming[];
  floor: Array<{ households: number; writeMs: number }>;
  /** Bare id-only nodes created in the same batches: what this Neo4j does with the least work. */
  probe: { nodes: number; writeMs: number } | null;
}

export interface MatchFigures {
  adapter: Adapter;
  households: number;
  sampleNeeds: number;
  outcomes: { matched: number; noSuitable: number; errors: number };
  /** Store port calls per request (method or method(kind) → calls), measured on warm requests. */
  storeCalls: Record<string, number>;
  versionStable: boolean;
  c1: LoadSummary;
  c10: LoadSummary;
  raw: { c1: LoadSummary; c10: LoadSummary } | null;
}

export interface OverheadFigures {
  adapter: Adapter;
  query: 'matchNeed' | 'node';
  huzhu: LoadSummary;
  /** Parse and validate every request. */
  bare: LoadSummary;
  /** The same, parsing and validating each distinct query string once (as Apollo does). */
  bareCached: LoadSummary;
  storeCalls: { huzhu: Record<string, number>; bare: Record<string, number> };
}

export interface PeerFigures {
  huzhu: LoadSummary;
  peer: LoadSummary;
  /** Services the peer query returned on average (the client would still have to filter and rank them). */
  servicesReturned: number;
}

export interface PlanFigures {
  adapter: Adapter;
  households: number;
  openNeeds: number;
  addedNeeds: number;
  topUpMs: number;
  coldMs: number;
  /** The slowest single store calls of the first call, ms (to read against NEO4J_TIMEOUT_MS). */
  coldSlowestCalls: Record<string, number>;
  /** Repeated calls on an unchanged store (the view's cached need profiles are reused). */
  warmMs: number[];
  /** Calls each right after a household write (the village counters move; the need profiles are kept); absent in older results. */
  afterWriteMs?: number[];
  /** Calls each right after a referral (a service's counters move: every profile runs the rules again); absent in older results. */
  afterReferralMs?: number[];
  needsConsidered: number;
  assigned: number;
  unassigned: number;
}

export interface CoverageFigures {
  adapter: Adapter;
  households: number;
  coverage: ColdAndWarm;
  networkMetrics: ColdAndWarm;
}

export interface RssFigures {
  adapter: Adapter;
  households: number;
  /** After the store was open (memory: seeded) and the server listening. */
  ready: MemoryFigures;
  /** After match, coverage, networkMetrics and planAllocations (before the comparison servers start in the process). */
  peak: MemoryFigures;
}

export interface ColdAndWarm {
  coldMs: number;
  warmMs: number[];
  /** The slowest single store calls of the first call, ms (to read against NEO4J_TIMEOUT_MS). */
  coldSlowestCalls: Record<string, number>;
}
