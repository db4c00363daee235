import { randomBytes } from 'node:crypto';
import type { AccountRecord, AccountRole } from '../domain/Account';
import type { GraphStore, Page } from '../store/GraphStore';
import { isHuzhuError } from '../errors/HuzhuError';
import { createAccount, type AccountsContext } from './accounts';
import { listAll } from './listAll';

/**
 * Development demo accounts (issue 11; names fixed by the team contract): one
 * per role, scoped to 晋原街道 of the Dayi seed, labelled 演示 and `demo: true`.
 * Created by the first start outside production, once: an existing login is
 * left alone. Never called when NODE_ENV=production (src/main.ts).
 */
export const DEMO_TOWNSHIP_ID = 'twp_510129001000';
export const DEMO_VILLAGE_ID = 'vil_510129001002';
export const DEMO_ORGANIZATION_ID = 'org_station-510129001000';

interface DemoAccount {
  login: string;
  displayName: string;
  role: AccountRole;
  scope: (ctx: AccountsContext) => Promise<{ townshipIds?: string[]; villageIds?: string[]; organizationId?: string; personId?: string }>;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'demo-admin', displayName: '演示管理员 (demo admin)', role: 'ADMIN', scope: async () => ({}) },
  { login: 'demo-coordinator', displayName: '演示协调员·晋原街道 (demo coordinator)', role: 'COORDINATOR', scope: async () => ({ townshipIds: [DEMO_TOWNSHIP_ID] }) },
  {
    login: 'demo-social-worker',
    displayName: '演示社工·晋原街道 (demo social worker)',
    role: 'SOCIAL_WORKER',
    scope: async (ctx) => ({ villageIds: (await listAll(ctx.store, 'Village', { townshipId: DEMO_TOWNSHIP_ID })).map((v) => v.id) }),
  },
  { login: 'demo-volunteer', displayName: '演示志愿者 (demo volunteer)', role: 'VOLUNTEER', scope: async () => ({ villageIds: [DEMO_VILLAGE_ID] }) },
  { login: 'demo-ngo', displayName: '演示合作机构·晋原街道社工站 (demo partner NGO)', role: 'PARTNER_NGO', scope: async () => ({ organizationId: DEMO_ORGANIZATION_ID }) },
  { login: 'demo-designer', displayName: '演示设计师 (demo designer)', role: 'DESIGNER', scope: async () => ({}) },
  // Bound to the seed's first credit officer (by id); sees that officer's borrowers only (issue 15 item 3).
  {
    login: 'demo-credit-officer',
    displayName: '演示信贷员 (demo credit officer)',
    role: 'CREDIT_OFFICER',
    scope: async (ctx) => {
      const officer = (await listAll(ctx.store, 'Person', { role: 'CREDIT_OFFICER' })).map((p) => p.id).sort()[0];
      return officer === undefined ? {} : { personId: officer };
    },
  },
];

export interface DemoAccountsResult {
  /** Logins created now (the rest existed already). */
  created: string[];
  /** The password of those created: DEMO_ACCOUNT_PASSWORD, or a random one made now. */
  password: string;
  passwordFrom: 'env' | 'random';
  /** Logins that could not be created (e.g. the seed places are missing), with why. */
  skipped: Array<{ login: string; reason: string }>;
}

export async function ensureDemoAccounts(ctx: AccountsContext, options: { password?: string | undefined; correlationId: string }): Promise<DemoAccountsResult> {
  const password = options.password ?? `demo-${randomBytes(9).toString('base64url')}`;
  const result: DemoAccountsResult = { created: [], password, passwordFrom: options.password === undefined ? 'random' : 'env', skipped: [] };
  const actor = { actorId: 'system:demo-accounts', role: 'ADMIN', purpose: 'SIGN_IN', correlationId: options.correlationId };
  for (const demo of DEMO_ACCOUNTS) {
    if ((await ctx.store.findAccountByLogin(demo.login)) !== null) continue;
    try {
      await createAccount(ctx, actor, { login: demo.login, displayName: demo.displayName, role: demo.role, ...(await demo.scope(ctx)), password }, { demo: true, root: [demo.login] });
      result.created.push(demo.login);
    } catch (error) {
      if (!isHuzhuError(error) || error.code === 'UNAVAILABLE') throw error;
      result.skipped.push({ login: demo.login, reason: error.message });
    }
  }
  return result;
}

/** The lines printed once at the start that created them (the password only when it was made up now). */
export function describeDemoAccounts(result: DemoAccountsResult): string[] {
  if (result.created.length === 0 && result.skipped.length === 0) return [];
  const lines = result.created.length === 0 ? [] : [
    '演示账号已创建 (demo accounts created, development only — none exist in production):',
    ...result.created.map((login) => `  ${login}`),
    result.passwordFrom === 'env' ? '  密码 password: the value of DEMO_ACCOUNT_PASSWORD' : `  密码 password: ${result.password}   (shown once; reset with npm run user -- reset-password --login <login>)`,
  ];
  for (const { login, reason } of result.skipped) lines.push(`  演示账号 ${login} 未创建 (not created): ${reason}`);
  return lines;
}

/** Logins of the demo accounts (`demo: true`) in the store: a production start warns about them (they cannot sign in there). */
export async function storedDemoLogins(store: GraphStore): Promise<string[]> {
  const logins: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<AccountRecord> = await store.listAccounts({ first: 500, after });
    for (const account of page.items) if (account.demo) logins.push(account.login);
    if (!page.hasNextPage || page.endCursor === null) return logins;
    after = page.endCursor;
  }
}
