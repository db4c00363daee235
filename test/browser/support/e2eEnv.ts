import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Where the browser suite finds its browser and its servers. Shared by
 * playwright.config.ts (which starts the servers) and the fixtures (which
 * sign in through them). No hidden defaults elsewhere: every port, path and
 * password the suite uses is decided here.
 */

/** Debian's chromium (apt-get install chromium); never a Playwright browser download. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The password every demo account gets on the suite's servers (development demo accounts). */
export const DEMO_PASSWORD = process.env['DEMO_ACCOUNT_PASSWORD'] ?? 'e2e-demo-password-合成-2026';

/** Synthetic households seeded on each server's first start: small, so start-up stays quick. */
export const E2E_SEED_HOUSEHOLDS = process.env['E2E_SEED_HOUSEHOLDS'] ?? '300';

export type StoreName = 'memory' | 'neo4j';

export interface E2eServer {
  store: StoreName;
  port: number;
  baseURL: string;
  /** Only for neo4j: the (throwaway) database the server runs on; the suite empties it first. */
  neo4jUri?: string;
}

/**
 * The Neo4j database for the browser suite: E2E_NEO4J_URI when set (a
 * database of its own), else NEO4J_URI (the one jest's Neo4j tier used and
 * empties too; `npm test` runs jest first, so there is no overlap).
 */
export function e2eNeo4jUri(): string | undefined {
  const uri = process.env['E2E_NEO4J_URI'] ?? process.env['NEO4J_URI'];
  return uri === '' ? undefined : uri;
}

/** The servers this run starts: memory always, Neo4j when a database is configured. */
export function e2eServers(): E2eServer[] {
  const memoryPort = Number(process.env['E2E_PORT'] ?? 8708);
  const neo4jPort = Number(process.env['E2E_NEO4J_PORT'] ?? memoryPort + 10_000);
  const servers: E2eServer[] = [{ store: 'memory', port: memoryPort, baseURL: `http://127.0.0.1:${memoryPort}` }];
  const neo4jUri = e2eNeo4jUri();
  if (neo4jUri) servers.push({ store: 'neo4j', port: neo4jPort, baseURL: `http://127.0.0.1:${neo4jPort}`, neo4jUri });
  return servers;
}

/**
 * Preconditions checked before any server starts. They throw (so
 * `playwright test` exits non-zero, never "0 tests, passed"):
 * - no chromium at CHROMIUM_PATH;
 * - in CI, no CJK font (Chinese would render as boxes in the screenshots);
 * - in CI, no Neo4j database: CI must run the Neo4j-backed server too.
 */
export function assertE2ePreconditions(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `browser suite: no Chromium at ${CHROMIUM_PATH}. Install Debian's browser and a CJK font ` +
        '(apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH; the suite never downloads a browser.',
    );
  }
  if (process.env['CI'] === 'true' && !hasCjkFont()) {
    throw new Error('browser suite: CI=true but fontconfig lists no Chinese font (fc-list :lang=zh); apt-get install -y fonts-noto-cjk.');
  }
  if (process.env['CI'] === 'true' && !e2eNeo4jUri()) {
    throw new Error('browser suite: CI=true but neither E2E_NEO4J_URI nor NEO4J_URI is set; CI must run the suite on both stores.');
  }
}

function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}
