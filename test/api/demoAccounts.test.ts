import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '../../src/store/memory/MemoryStore';

/**
 * Demo accounts (issue 11): the first development start creates one per role
 * (labelled 演示, demo: true) and prints them once; a second start prints
 * nothing and creates nothing; a production start creates none. Runs the
 * real entry point (src/main.ts) on the embedded store in a fresh directory.
 */
const MAIN = join(__dirname, '../../src/main.ts');
const DEMO_PASSWORD = 'demo-password-synthetic';
const LOGINS = ['demo-admin', 'demo-coordinator', 'demo-social-worker', 'demo-volunteer', 'demo-ngo', 'demo-designer', 'demo-credit-officer'];

/** Starts main, waits until it listens, stops it; returns what it printed. */
function startOnce(dataDir: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', NEO4J_URI: '', SEED_HOUSEHOLDS: '0', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main did not start within 90 s:\n${out.slice(-2000)}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('Huzhu listening')) child.kill('SIGTERM');
      if (out.includes('failed to start')) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

async function accountsIn(dataDir: string) {
  const store = new MemoryStore({ dataDir: join(dataDir, 'memory') });
  await store.init();
  try {
    return (await store.listAccounts({ first: 100 })).items;
  } finally {
    await store.close();
  }
}

describe('demo accounts at start-up', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'huzhu-demo-accounts-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates one demo account per role on the first development start, prints them once, and never again', async () => {
    const first = await startOnce(dataDir, { NODE_ENV: 'development', DEMO_ACCOUNT_PASSWORD: DEMO_PASSWORD });
    for (const login of LOGINS) expect(first).toContain(`  ${login}\n`);
    expect(first).toContain('DEMO_ACCOUNT_PASSWORD');
    expect(first).not.toContain(DEMO_PASSWORD);
    const accounts = await accountsIn(dataDir);
    expect(accounts.map((a) => a.login).sort()).toEqual([...LOGINS].sort());
    expect(accounts.every((a) => a.demo && a.displayName.includes('演示'))).toBe(true);
    expect(accounts.find((a) => a.login === 'demo-ngo')).toMatchObject({ role: 'PARTNER_NGO', organizationId: 'org_station-510129001000' });
    expect(accounts.find((a) => a.login === 'demo-coordinator')).toMatchObject({ role: 'COORDINATOR', townshipIds: ['twp_510129001000'] });
    expect(accounts.find((a) => a.login === 'demo-volunteer')?.villageIds).toEqual(['vil_510129001002']);
    expect(accounts.find((a) => a.login === 'demo-social-worker')?.villageIds).toContain('vil_510129001002');
    // Bound to a seeded credit officer (issue 15 item 3).
    expect(accounts.find((a) => a.login === 'demo-credit-officer')).toMatchObject({ role: 'CREDIT_OFFICER', personId: expect.stringMatching(/^per_syn-co-/) });

    const second = await startOnce(dataDir, { NODE_ENV: 'development', DEMO_ACCOUNT_PASSWORD: DEMO_PASSWORD });
    expect(second).not.toContain('演示账号');
    expect((await accountsIn(dataDir)).map((a) => a.id).sort()).toEqual(accounts.map((a) => a.id).sort());
  });

  it('prints a random password once when DEMO_ACCOUNT_PASSWORD is unset', async () => {
    const out = await startOnce(dataDir, { NODE_ENV: 'development', DEMO_ACCOUNT_PASSWORD: '' });
    expect(out).toMatch(/密码 password: demo-[A-Za-z0-9_-]{12}/);
  });

  it('warns at a production start when demo accounts exist in the store (production refuses their sign-in)', async () => {
    await startOnce(dataDir, { NODE_ENV: 'development', DEMO_ACCOUNT_PASSWORD: DEMO_PASSWORD });
    const out = await startOnce(dataDir, { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters', DEMO_ACCOUNT_PASSWORD: DEMO_PASSWORD });
    const warning = out.split('\n').find((line) => line.includes('demo accounts exist in the store'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning as string)).toMatchObject({ level: 40, demoAccounts: expect.arrayContaining(LOGINS) });
    expect(out).not.toContain(DEMO_PASSWORD);
  });

  it('creates none in production', async () => {
    const out = await startOnce(dataDir, { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters', DEMO_ACCOUNT_PASSWORD: DEMO_PASSWORD });
    // Past the point where a development start creates them (seeding comes just before).
    expect(out).toContain('seed: synthetic');
    expect(out).not.toContain('演示账号');
    expect(await accountsIn(dataDir)).toEqual([]);
    expect(out).not.toContain('demo accounts exist in the store');
  });
});
