import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, E2E_SEED_HOUSEHOLDS } from './e2eEnv';

/**
 * A Huzhu server a spec can stop and start again on the same data (issue 12:
 * "after the server restarts, reopen the plan"). It runs the build the
 * suite's web server already made (`node dist/src/main.js`, as `npm start`
 * does after building), development mode (demo accounts), its own port and
 * DATA_DIR (kept across restarts, removed by dispose()), the suite's seed
 * size and demo password. With `neo4jUri` it runs on that database (already
 * seeded by the suite's Neo4j server, so its start seeds nothing new); the
 * memory store replays its journal from DATA_DIR.
 *
 * A restart is a real one: SIGTERM to the server's process group, wait for
 * it to exit (killed after STOP_GRACE_MS), start again, wait for /healthz.
 */
export class RestartableServer {
  readonly baseURL: string;
  readonly dataDir: string;
  #child: ChildProcess | null = null;
  #log: string[] = [];

  constructor(
    readonly port: number,
    readonly neo4jUri?: string,
  ) {
    this.baseURL = `http://127.0.0.1:${port}`;
    this.dataDir = mkdtempSync(join(tmpdir(), 'huzhu-e2e-restartable-'));
  }

  async start(): Promise<void> {
    if (this.#child) throw new Error('RestartableServer: already started');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(this.port),
      DATA_DIR: this.dataDir,
      SEED_HOUSEHOLDS: E2E_SEED_HOUSEHOLDS,
      SEED_ON_START: 'true',
      DEMO_ACCOUNT_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
    };
    delete env['JWT_SECRET'];
    if (this.neo4jUri) env['NEO4J_URI'] = this.neo4jUri;
    else delete env['NEO4J_URI'];
    const child = spawn(process.execPath, ['dist/src/main.js'], { env, cwd: process.env['E2E_APP_DIR'] ?? process.cwd(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      this.#log.push(chunk.toString('utf8'));
      if (this.#log.length > 200) this.#log.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.#child = child;
    await this.#waitForHealth(child);
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.pid === undefined) return;
    this.#child = null;
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(child.pid, 'SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_GRACE_MS));
    if ((await Promise.race([exited, timer])) === 'timeout') {
      signalGroup(child.pid, 'SIGKILL');
      await exited;
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async #waitForHealth(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`RestartableServer: the server exited (${child.exitCode}) while starting:\n${this.#log.join('')}`);
      try {
        const answer = await fetch(`${this.baseURL}/healthz`);
        if (answer.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`RestartableServer: no healthy /healthz at ${this.baseURL} within ${START_TIMEOUT_MS / 1000} s:\n${this.#log.join('')}`);
  }
}

const STOP_GRACE_MS = 8_000;
const START_TIMEOUT_MS = 150_000;

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // already gone
  }
}
