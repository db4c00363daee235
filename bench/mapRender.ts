/**
 * The network map's rendering (issue 12 "Done when"): time to first render of
 * the seeded network and of a synthetic network ten times larger, and the
 * frame time while panning, measured in headless Chromium (Debian's
 * /usr/bin/chromium through playwright-core, as the browser suite runs it).
 * Reported, not asserted.
 *
 * It starts the built server (`node dist/src/main.js`: run `npm run build`
 * first) in development mode on a free port with a fresh DATA_DIR and a small
 * household seed (the map reads no household), signs in as demo-designer and
 * opens /map:
 * - **first render**: navigation start → the first animation frame after
 *   sigma was given the whole graph (the canvas's data-summary lists every
 *   node): chunk load, every GraphQL page, graph build and sigma's first draw;
 * - **panning**: on the geographic layout (nothing moves but the camera), a
 *   mouse drag across the canvas in 120 steps while a requestAnimationFrame
 *   loop records frame intervals (median and p95).
 * The ten-times network is the seeded one copied nine more times (ids
 * suffixed `-synN`, names marked 合成, each copy shifted east on the map),
 * served to the page in place of the API's answers for the map's five
 * queries (page.route), so the same code reads, builds and draws it.
 *
 * Alone: `npx tsx bench/mapRender.ts [--runs 3] [--scale 10]`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { repoRoot } from '../src/repoPath';
import { median } from './stats';

export interface MapRenderRun {
  /** "seeded" or "synthetic ×10". */
  network: string;
  nodes: number;
  edges: number;
  firstRenderMs: number[];
  panFrameMs: { median: number; p95: number; frames: number }[];
}

export interface MapRenderFigures {
  chromium: string;
  viewport: { width: number; height: number };
  runs: MapRenderRun[];
}

export interface MapRenderOptions {
  runs: number;
  /** How many times the seeded network the synthetic one is (10 in the issue). */
  scale: number;
  chromiumPath: string;
  log: (line: string) => void;
}

const VIEWPORT = { width: 1366, height: 768 };
const PASSWORD = 'bench-map-合成-password';
const MAP_OPERATIONS = ['MapPlaces', 'MapStakeholders', 'MapOrganizations', 'MapServices', 'MapRelationships'] as const;
type MapOperation = (typeof MAP_OPERATIONS)[number];

export async function measureMapRender(options: MapRenderOptions): Promise<MapRenderFigures> {
  const root = repoRoot();
  for (const built of ['dist/src/main.js', 'web/dist/index.html']) {
    if (!existsSync(join(root, built))) throw new Error(`bench/mapRender: ${built} is missing: run \`npm run build\` first`);
  }
  const server = await startServer(root);
  const browser = await chromium.launch({ executablePath: options.chromiumPath, headless: true });
  try {
    const figures: MapRenderFigures = { chromium: browser.version(), viewport: VIEWPORT, runs: [] };
    const seeded = await readMapAnswers(browser, server.url);
    const networks: { name: string; answers: Record<MapOperation, unknown> | null }[] = [
      { name: 'seeded', answers: null },
      { name: `synthetic ×${options.scale}`, answers: multiply(seeded, options.scale) },
    ];
    for (const network of networks) {
      const run: MapRenderRun = { network: network.name, nodes: 0, edges: 0, firstRenderMs: [], panFrameMs: [] };
      for (let i = 0; i < options.runs; i += 1) {
        const one = await measureOnce(browser, server.url, network.answers);
        run.nodes = one.nodes;
        run.edges = one.edges;
        run.firstRenderMs.push(one.firstRenderMs);
        run.panFrameMs.push(one.pan);
        options.log(`map ${network.name}: ${one.nodes} nodes, ${one.edges} edges; first render ${Math.round(one.firstRenderMs)} ms; panning median ${one.pan.median.toFixed(1)} ms, p95 ${one.pan.p95.toFixed(1)} ms (${one.pan.frames} frames)`);
      }
      figures.runs.push(run);
    }
    return figures;
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function signedInPage(browser: Browser, url: string): Promise<Page> {
  // bypassCSP: the in-page probes are strings (see SUMMARY), which the console's CSP (no unsafe-eval) would refuse; the console's own code runs as served.
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', baseURL: url, bypassCSP: true });
  const answer = await context.request.post('/auth/login', { data: { login: 'demo-designer', password: PASSWORD }, headers: { origin: url } });
  if (!answer.ok()) throw new Error(`bench/mapRender: sign-in as demo-designer answered ${answer.status()}`);
  return context.newPage();
}

async function measureOnce(browser: Browser, url: string, answers: Record<MapOperation, unknown> | null) {
  const page = await signedInPage(browser, url);
  try {
    if (answers) await page.route('**/graphql', (route) => answerFromNetwork(route, answers));
    await page.goto('/map');
    // Polled every animation frame: the first frame in which the canvas says sigma holds the whole graph.
    const rendered = await page.waitForFunction(`(() => {
      const s = ${SUMMARY};
      return s.nodes > 0 ? { at: performance.now(), nodes: s.nodes, edges: s.edges } : null;
    })()`, undefined, { timeout: 180_000, polling: 'raf' });
    const first = (await rendered.jsonValue()) as { at: number; nodes: number; edges: number };
    // Panning on the geographic layout: only the camera moves.
    await page.getByTestId('map-layout-geographic').click();
    await page.waitForFunction(`${SUMMARY}.layout === 'geographic'`);
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    await page.evaluate(FRAME_RECORDER);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 120; i += 1) {
      const angle = (i / 120) * Math.PI * 2;
      await page.mouse.move(cx + Math.sin(angle) * box.width * 0.3, cy + Math.sin(angle * 2) * box.height * 0.2);
    }
    await page.mouse.up();
    const frames = await page.evaluate<number[]>('(() => { window.__recording = false; return window.__frames.slice(1); })()');
    return { firstRenderMs: first.at, nodes: first.nodes, edges: first.edges, pan: { median: median(frames), p95: percentile(frames, 0.95), frames: frames.length } };
  } finally {
    await page.context().close();
  }
}

/**
 * In-page expressions are strings: this file is type-checked without the DOM
 * library, and tsx (esbuild keepNames) would wrap named inner functions in a
 * __name() the page lacks. SUMMARY: the canvas's data-summary (MapSummary), {} before it.
 */
const SUMMARY = `JSON.parse(document.querySelector('[data-testid="map-canvas"]')?.getAttribute('data-summary') || '{}')`;

/** Records every animation frame's interval in window.__frames until window.__recording is false. */
const FRAME_RECORDER = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  function tick(t) {
    window.__frames.push(t - last);
    last = t;
    if (window.__recording) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})()`;

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function operationOf(body: string | null): MapOperation | null {
  if (!body) return null;
  const query = (JSON.parse(body) as { query?: string }).query ?? '';
  return MAP_OPERATIONS.find((name) => new RegExp(`query ${name}\\b`).test(query)) ?? null;
}

async function answerFromNetwork(route: Route, answers: Record<MapOperation, unknown>): Promise<void> {
  const operation = operationOf(route.request().postData());
  if (!operation) return route.continue();
  return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: answers[operation] }) });
}

interface Connection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: unknown[];
}

/**
 * The API's whole answer to each of the map's queries, every page read and
 * joined into one page (the same documents the console sends, taken from the
 * page's own requests).
 */
async function readMapAnswers(browser: Browser, url: string): Promise<Record<MapOperation, Record<string, unknown>>> {
  const page = await signedInPage(browser, url);
  const documents = new Map<MapOperation, string>();
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql')) return;
    const operation = operationOf(request.postData());
    if (operation) documents.set(operation, (JSON.parse(request.postData() ?? '{}') as { query: string }).query);
  });
  await page.goto('/map');
  await page.waitForFunction(`${SUMMARY}.nodes > 0`, undefined, { timeout: 180_000 });
  const out = {} as Record<MapOperation, Record<string, unknown>>;
  for (const operation of MAP_OPERATIONS) {
    const query = documents.get(operation);
    if (!query) throw new Error(`bench/mapRender: the map sent no ${operation}`);
    let after: string | null = null;
    const joined: Record<string, unknown> = {};
    for (let i = 0; i < 100; i += 1) {
      const answer = await page.request.post('/graphql', { data: { query, variables: { after } }, headers: { origin: url } });
      const data = ((await answer.json()) as { data: Record<string, unknown> }).data;
      let next: string | null = null;
      for (const [field, value] of Object.entries(data)) {
        const connection = value as Connection;
        const have = joined[field] as Connection | undefined;
        if (!have) joined[field] = { ...connection, pageInfo: { hasNextPage: false, endCursor: null } };
        else if (field !== 'townships') have.nodes.push(...connection.nodes);
        if (field !== 'townships' && connection.pageInfo.hasNextPage) next = connection.pageInfo.endCursor;
      }
      if (!next) break;
      after = next;
    }
    out[operation] = joined;
  }
  await page.context().close();
  return out;
}

/** Every id in the answer (any string field named id, or ending in Id, inside the records) gets copy k's suffix. */
function copyRecord(value: unknown, k: number, shiftLng: number): unknown {
  if (Array.isArray(value)) return value.map((v) => copyRecord(v, k, shiftLng));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'id' && typeof v === 'string') out[key] = `${v}-syn${k}`;
    else if ((key === 'name' || key === 'displayName') && typeof v === 'string') out[key] = `${v}（合成${k}）`;
    else if (key === 'lng' && typeof v === 'number') out[key] = v + shiftLng;
    else out[key] = copyRecord(v, k, shiftLng);
  }
  return out;
}

/** The seeded network and scale − 1 synthetic copies of it, side by side (labelled 合成). */
export function multiply(answers: Record<MapOperation, Record<string, unknown>>, scale: number): Record<MapOperation, unknown> {
  const out = {} as Record<MapOperation, unknown>;
  for (const operation of MAP_OPERATIONS) {
    const data: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(answers[operation])) {
      const connection = value as Connection;
      const nodes = [...connection.nodes];
      for (let k = 1; k < scale; k += 1) nodes.push(...(copyRecord(connection.nodes, k, k * 0.9) as unknown[]));
      data[field] = { ...connection, nodes, pageInfo: { hasNextPage: false, endCursor: null } };
    }
    out[operation] = data;
  }
  return out;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(root: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'huzhu-bench-map-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_HOUSEHOLDS: '300',
    SEED_ON_START: 'true',
    DEMO_ACCOUNT_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
  };
  delete env['NEO4J_URI'];
  delete env['JWT_SECRET'];
  const child: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env, stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`bench/mapRender: the server on ${url} did not become healthy`);
}

/** The report's section (BENCHMARKS.md). */
export function mapRenderReport(figures: MapRenderFigures | null | undefined): string[] {
  if (!figures) return [];
  const ms = (v: number) => `${Math.round(v)} ms`;
  const out = [
    '## The network map in the browser (issue 12)',
    '',
    `Headless Chromium ${figures.chromium} (Debian's, through playwright-core; WebGL on SwiftShader, i.e. the CPU), viewport ${figures.viewport.width}×${figures.viewport.height}, signed in as demo-designer on /map (bench/mapRender.ts). ` +
      'First render: navigation start → the first animation frame after sigma holds the whole graph (chunk load, every GraphQL page, graph build, first draw). ' +
      'Panning: a 120-step mouse drag on the geographic layout, frame intervals from a requestAnimationFrame loop (idle frames included: the p95 shows the redraw cost). ' +
      'The synthetic network is the seeded one copied, labelled 合成, served to the page in one answer per query: its first render leaves out the API paging and reading time that the seeded one includes. Reported, not asserted.',
    '',
    '| network | nodes | edges | first render (median of runs) | panning frame, median | panning frame, p95 |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const run of figures.runs) {
    out.push(
      `| ${run.network} | ${run.nodes} | ${run.edges} | ${ms(median(run.firstRenderMs))} | ${median(run.panFrameMs.map((p) => p.median)).toFixed(1)} ms | ${median(run.panFrameMs.map((p) => p.p95)).toFixed(1)} ms |`,
    );
  }
  out.push('');
  return out;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  measureMapRender({
    runs: value('runs', 3),
    scale: value('scale', 10),
    chromiumPath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    log: (line) => process.stdout.write(`${line}\n`),
  })
    .then((figures) => process.stdout.write(`${mapRenderReport(figures).join('\n')}\n`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
