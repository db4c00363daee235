import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';
import { assertE2ePreconditions, CHROMIUM_PATH, e2eServers } from './test/browser/support/e2eEnv';

/**
 * The console's browser suite (issue 11): real headless Chromium — Debian's
 * /usr/bin/chromium through executablePath, never a browser download and never
 * `channel` — against Huzhu started the way the README starts it (`npm start`),
 * once on the memory store and, when a Neo4j database is configured
 * (E2E_NEO4J_URI or NEO4J_URI; always in CI), once on Neo4j.
 *
 * `npm test` runs it after jest. A missing chromium (or, in CI, a missing
 * Neo4j or CJK font) fails the run instead of skipping it.
 */
assertE2ePreconditions();

const servers = e2eServers();
const ci = process.env['CI'] === 'true';

const projects: PlaywrightTestConfig['projects'] = servers.map((server) => ({
  name: server.store,
  use: {
    ...devices['Desktop Chrome'],
    baseURL: server.baseURL,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: { executablePath: CHROMIUM_PATH },
  },
}));

export default defineConfig({
  testDir: './test/browser',
  testMatch: '**/*.spec.ts',
  // E2E_OUTPUT_DIR: a run's own artifacts dir (Playwright empties it at start; two runs must not share one).
  outputDir: process.env['E2E_OUTPUT_DIR'] ?? './test-results/browser',
  // Two cores shared with the servers: one browser at a time; the scenario's steps depend on each other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: ci ? [['list']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects,
  webServer: servers.map((server) => ({
    command: `npx tsx test/browser/support/startServer.ts ${server.store}`,
    url: `${server.baseURL}/healthz`,
    // Build (API + console) and seed on a loaded 2-core machine.
    timeout: 300_000,
    // E2E_REUSE_SERVER=1: use a server already listening there (local iteration; never in CI).
    reuseExistingServer: !ci && process.env['E2E_REUSE_SERVER'] === '1',
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  })),
});
