import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { AccountRole, adminAccountView, type AccountRecord } from '../domain/Account';
import { HuzhuError, isHuzhuError } from '../errors/HuzhuError';
import { createAccount, existingAccount, listAccounts, resetAccountPassword, unlockAccount, updateAccount, type AccountsContext } from '../services/accounts';
import { defaultPasswordHasher } from '../services/defaultPasswordHasher';
import type { AuditActor } from '../services/audit';
import { MAX_PAGE_SIZE } from '../store/GraphStore';
import { createStore, describeStore } from '../store/createStore';

const HELP = `Manage sign-in accounts in the configured store (NEO4J_URI, else the embedded store under DATA_DIR).

  npm run -s user -- add --role ADMIN --login admin --name "管理员"
  npm run -s user -- add --role COORDINATOR --login wang --name "王协调员" --township twp_510129001000
  npm run -s user -- add --role SOCIAL_WORKER --login li --name "李社工" --village vil_510129001002 [--village …]
  npm run -s user -- add --role PARTNER_NGO --login ngo1 --name "社工站" --org org_station-510129001000
  npm run -s user -- list
  npm run -s user -- disable --login wang        (ends its sessions at once)
  npm run -s user -- enable --login wang
  npm run -s user -- unlock --login wang
  npm run -s user -- reset-password --login wang (ends its sessions)

The password is asked for twice at a prompt, or read from the first line of
standard input with --password-stdin (at least 10 characters); it is never
taken as an argument, so it stays out of shell history and process lists.
Inside the Docker image: docker compose exec api node dist/src/cli/user.js add …
With the embedded store, stop the server first: one process holds its data directory.

Roles: ${AccountRole.options.join(', ')}.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      login: { type: 'string' },
      name: { type: 'string' },
      township: { type: 'string', multiple: true },
      village: { type: 'string', multiple: true },
      org: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined || !COMMANDS.includes(command)) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const store = createStore(config);
  try {
    await store.init();
  } catch (error) {
    const hint = config.NEO4J_URI ? 'is Neo4j running and NEO4J_URI right?' : 'is the server running on this data directory? stop it first';
    throw new Error(`cannot open the store ${describeStore(config)} (${hint}): ${error instanceof Error ? error.message : String(error)}`);
  }
  const ctx: AccountsContext = { store, now: () => new Date(), hasher: defaultPasswordHasher() };
  const actor: AuditActor = { actorId: 'cli:user', role: 'ADMIN', purpose: 'ACCOUNT_ADMINISTRATION', correlationId: `cli-${randomUUID()}` };
  const passwordFrom = () => readPassword(values['password-stdin'] === true);
  try {
    switch (command) {
      case 'add': {
        const account = await createAccount(
          ctx,
          actor,
          {
            login: required(values.login, '--login'),
            displayName: required(values.name, '--name'),
            role: required(values.role, '--role').toUpperCase(),
            townshipIds: values.township ?? [],
            villageIds: values.village ?? [],
            ...(values.org === undefined ? {} : { organizationId: values.org }),
            password: await passwordFrom(),
          },
          { root: [] },
        );
        console.log(`created ${describe(account)}`);
        return 0;
      }
      case 'list': {
        let after: string | null = null;
        let shown = 0;
        for (;;) {
          const page = await listAccounts(ctx, { first: MAX_PAGE_SIZE, after });
          for (const account of page.items) console.log(describe(account));
          shown += page.items.length;
          if (!page.hasNextPage) break;
          after = page.endCursor;
        }
        console.log(`${shown} account(s)`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const account = await byLogin(ctx, required(values.login, '--login'));
        console.log(`${command}d ${describe(await updateAccount(ctx, actor, account.id, { disabled: command === 'disable' }))}`);
        return 0;
      }
      case 'unlock': {
        const account = await byLogin(ctx, required(values.login, '--login'));
        console.log(`unlocked ${describe(await unlockAccount(ctx, actor, account.id))}`);
        return 0;
      }
      case 'reset-password': {
        const account = await byLogin(ctx, required(values.login, '--login'));
        console.log(`password reset, sessions ended: ${describe(await resetAccountPassword(ctx, actor, account.id, await passwordFrom()))}`);
        return 0;
      }
      default:
        console.log(HELP);
        return 2;
    }
  } finally {
    await store.close();
  }
}

// Private:

const COMMANDS = ['add', 'list', 'disable', 'enable', 'unlock', 'reset-password'];

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new HuzhuError('BAD_USER_INPUT', `${flag} is required (see --help)`);
  return value;
}

async function byLogin(ctx: AccountsContext, login: string): Promise<AccountRecord> {
  const account = await ctx.store.findAccountByLogin(login);
  if (account === null) throw new HuzhuError('NOT_FOUND', `no account has the login ${JSON.stringify(login.slice(0, 64))} (npm run user -- list)`);
  return existingAccount(ctx, account.id);
}

/** One line per account; never the hash. */
function describe(account: AccountRecord): string {
  const view = adminAccountView(account, new Date());
  const scope = [
    ...view.townshipIds.map((id) => `township ${id}`),
    ...view.villageIds.map((id) => `village ${id}`),
    ...(view.organizationId === null ? [] : [`org ${view.organizationId}`]),
  ];
  const flags = [view.disabled ? 'DISABLED' : null, view.locked ? `LOCKED until ${String(view.lockedUntil)}` : null, view.demo ? '演示 demo' : null].filter((f) => f !== null);
  return `${view.login}\t${view.role}\t${view.displayName}\t${view.id}${scope.length ? `\t${scope.join(', ')}` : ''}${flags.length ? `\t[${flags.join(', ')}]` : ''}`;
}

/** The password: the first line of stdin, or typed twice at a prompt that does not echo it. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) {
      rl.close();
      return line.replace(/\r$/, '');
    }
    throw new HuzhuError('BAD_USER_INPUT', 'password: standard input was empty (send the password as its first line)');
  }
  const first = await prompt('新密码 password (≥ 10 characters): ');
  const second = await prompt('再输入一次 repeat: ');
  if (first !== second) throw new HuzhuError('BAD_USER_INPUT', 'password: the two entries differ; nothing was changed');
  return first;
}

function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      // Show the question once, then nothing of what is typed.
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = isHuzhuError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    console.error(`user: ${message}`);
    process.exit(isHuzhuError(error) && error.code === 'BAD_USER_INPUT' ? 2 : 1);
  },
);
