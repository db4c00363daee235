import type { SeedTiming } from './bulkLoad';

/** The messages between bench/run.ts and its API child (bench/serve.ts). */
export interface ServeOptions {
  adapter: 'memory' | 'neo4j';
  households: number;
  seed: number;
  neo4jUri: string | null;
}

export interface ServeReady {
  type: 'ready';
  port: number;
  /** A COORDINATOR scoped to every township: who asks matchNeed, coverage and networkMetrics. */
  token: string;
  /** An ADMIN: planAllocations across the county. */
  adminToken: string;
  /** The memory adapter's seed, timed in this process; null on Neo4j (loaded by the parent). */
  load: SeedTiming | null;
  /** NEO4J_TIMEOUT_MS in force. */
  neo4jTimeoutMs: number;
}

export interface MemoryFigures {
  /** Peak resident set (VmHWM) and current RSS from /proc/self/status, KiB. */
  vmHWMKiB: number | null;
  vmRSSKiB: number | null;
  /** process.resourceUsage().maxRSS, KiB (the same peak where /proc is missing). */
  maxRssKiB: number;
  heapUsedMiB: number;
}

export type ServeCommand =
  | { cmd: 'startBare' }
  | { cmd: 'startPeer' }
  | { cmd: 'topUpOpenNeeds'; target: number }
  | { cmd: 'bumpVersion' }
  | { cmd: 'version' }
  | { cmd: 'sampleNeeds'; count: number }
  | { cmd: 'memory' }
  /** CPU ms this process has used (user + system). */
  | { cmd: 'cpu' }
  /** Store port calls since the last storeCalls (a StoreCallTally), by method (getMany/list by kind); resets the tally. */
  | { cmd: 'storeCalls' }
  /** Register one synthetic household (and an OPEN need) in the first village: the network counters move, the stakeholder projection does not. */
  | { cmd: 'registerHousehold'; key: string }
  /** Record one SENT referral of an OPEN need to a service of its category (synthetic): that service's counters move. */
  | { cmd: 'sendReferral'; key: string }
  | { cmd: 'stop' };
