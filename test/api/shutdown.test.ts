import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `docker stop`, systemd and the browser suite stop the server with SIGTERM:
 * it must close HTTP, stop Apollo, close the store and exit 0 — after serving
 * requests over kept-alive connections, not only when idle. (Apollo's own
 * termination handler used to race main's and leave the process hanging.)
 */
const MAIN = join(__dirname, '../../src/main.ts');

describe('shutdown on SIGTERM', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'huzhu-shutdown-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exits 0 within 15 s of SIGTERM after answering requests', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', NEO4J_URI: '', SEED_HOUSEHOLDS: '0', NODE_ENV: 'development', DEMO_ACCOUNT_PASSWORD: 'shutdown-test-password', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const listening = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`main did not start within 90 s:\n${out.slice(-2000)}`)), 90_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /Huzhu listening on (http:\/\/[^/\s]+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const origin = await listening;
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ townships { totalCount } }' }),
        });
        expect(response.status).toBe(200);
      }
      const signalledAt = Date.now();
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000));
      const outcome = await Promise.race([exited, timeout]);
      expect({ outcome, log: outcome === 0 ? '' : out.slice(-1500) }).toEqual({ outcome: 0, log: '' });
      expect(Date.now() - signalledAt).toBeLessThan(15_000);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
