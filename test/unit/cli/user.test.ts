import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '../../../src/store/memory/MemoryStore';
import { createPasswordHasher } from '../../../src/services/passwordHasher';

/**
 * `npm run user` (src/cli/user.ts) against the embedded store in a fresh
 * data directory, run as a separate process the way an operator runs it; the
 * password comes on standard input and never appears in what it prints.
 */
const CLI = join(__dirname, '../../../src/cli/user.ts');
const PASSWORD = 'first-admin-synthetic';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(dataDir: string, args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '', NODE_ENV: 'development' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function storedAccount(dataDir: string, login: string) {
  const store = new MemoryStore({ dataDir: join(dataDir, 'memory') });
  await store.init();
  try {
    return await store.findAccountByLogin(login);
  } finally {
    await store.close();
  }
}

describe('npm run user', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'huzhu-user-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds the first ADMIN with the password from standard input, hashed with argon2id at the production cost', async () => {
    const added = await run(dataDir, ['add', '--role', 'admin', '--login', 'First-Admin', '--name', '首位管理员 (synthetic)', '--password-stdin'], `${PASSWORD}\n`);
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toMatch(/^created first-admin\tADMIN\t首位管理员 \(synthetic\)\tacc_/);
    const account = await storedAccount(dataDir, 'first-admin');
    expect(account).toMatchObject({ role: 'ADMIN', demo: false, disabled: false });
    expect(account?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await createPasswordHasher().verify(account?.passwordHash ?? '', PASSWORD)).toBe(true);
  });

  it('lists accounts without any hash or password', async () => {
    const listed = await run(dataDir, ['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('first-admin\tADMIN');
    expect(listed.stdout).toContain('1 account(s)');
    expect(listed.stdout + listed.stderr).not.toMatch(/argon2|first-admin-synthetic/);
  });

  it('refuses a short password and a PARTNER_NGO without organisation, naming the field, and stores nothing', async () => {
    const short = await run(dataDir, ['add', '--role', 'ADMIN', '--login', 'second', '--name', 'x (synthetic)', '--password-stdin'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('password: must be at least 10 characters');
    const ngo = await run(dataDir, ['add', '--role', 'PARTNER_NGO', '--login', 'ngo-one', '--name', 'x (synthetic)', '--password-stdin'], `${PASSWORD}\n`);
    expect(ngo.code).toBe(2);
    expect(ngo.stderr).toContain('organizationId');
    expect(await storedAccount(dataDir, 'second')).toBeNull();
  });

  it('disables, enables and resets the password of an account by login (each ending its sessions)', async () => {
    const before = await storedAccount(dataDir, 'first-admin');
    expect((await run(dataDir, ['disable', '--login', 'first-admin'])).stdout).toContain('[DISABLED]');
    expect(await storedAccount(dataDir, 'first-admin')).toMatchObject({ disabled: true, sessionGeneration: (before?.sessionGeneration ?? 0) + 1 });
    expect((await run(dataDir, ['enable', '--login', 'first-admin'])).code).toBe(0);
    const reset = await run(dataDir, ['reset-password', '--login', 'first-admin', '--password-stdin'], 'a-new-synthetic-password\n');
    expect(reset.code).toBe(0);
    expect(reset.stdout).not.toContain('a-new-synthetic-password');
    const after = await storedAccount(dataDir, 'first-admin');
    expect(after).toMatchObject({ disabled: false });
    expect(await createPasswordHasher().verify(after?.passwordHash ?? '', 'a-new-synthetic-password')).toBe(true);
  });

  it('says which login does not exist, and prints help for an unknown command', async () => {
    const missing = await run(dataDir, ['disable', '--login', 'nobody-here']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no account has the login "nobody-here"');
    const unknown = await run(dataDir, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('npm run -s user -- add --role ADMIN');
  });
});
