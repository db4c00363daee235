import { z } from 'zod';
import { AccountRole, Login, isLocked, newAccountId, type AccountRecord } from '../domain/Account';
import { AuditEvent, idOf } from '../domain/model';
import { HuzhuError, notFound, underInput } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import type { Page, PageRequest } from '../store/GraphStore';
import { loginNameKey } from '../store/accountWrites';
import { auditEventId, auditWrite, type AuditActor } from './audit';
import type { PasswordHasher } from './passwordHasher';
import type { ServiceContext } from './ServiceContext';

/**
 * Accounts and sign-in (issue 11): create, change, disable, reset and unlock
 * accounts; check a login and password; end sessions. Every outcome that
 * matters to security — sign-ins, failures, lockouts, sign-outs and account
 * changes — is written to the audit trail (never a password, never a hash,
 * never the login name someone typed for an account that does not exist).
 */

export interface AccountsContext extends ServiceContext {
  hasher: PasswordHasher;
}

/** Lockout policy: `lockAfter` wrong passwords in a row lock the account for `lockMinutes`. */
export interface LockPolicy {
  lockAfter: number;
  lockMinutes: number;
}
export const DEFAULT_LOCK_POLICY: Readonly<LockPolicy> = Object.freeze({ lockAfter: 5, lockMinutes: 15 });

export const PASSWORD_MIN_LENGTH = 10;
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters (密码至少 ${PASSWORD_MIN_LENGTH} 个字符)` })
  .max(200, { message: 'must be at most 200 characters (密码最多 200 个字符)' });

const DisplayName = z.string().trim().min(1, { message: 'must not be empty (显示名不能为空)' }).max(100);
const Scope = {
  townshipIds: z.array(idOf('Township')).max(100),
  villageIds: z.array(idOf('Village')).max(1000),
  organizationId: idOf('Organization').nullable(),
};

export const CreateAccountInput = z
  .object({
    login: Login,
    displayName: DisplayName,
    role: AccountRole,
    townshipIds: Scope.townshipIds.nullish().transform((v) => v ?? []),
    villageIds: Scope.villageIds.nullish().transform((v) => v ?? []),
    organizationId: Scope.organizationId.optional().transform((v) => v ?? null),
    /** A CREDIT_OFFICER account's officer (a Person with the CREDIT_OFFICER role). */
    personId: idOf('Person').nullish().transform((v) => v ?? null),
    password: Password,
  })
  .strict();
export type CreateAccountInput = z.input<typeof CreateAccountInput>;

export const UpdateAccountInput = z
  .object({
    displayName: DisplayName.nullish(),
    role: AccountRole.nullish(),
    townshipIds: Scope.townshipIds.nullish(),
    villageIds: Scope.villageIds.nullish(),
    organizationId: Scope.organizationId.optional(),
    /** A CREDIT_OFFICER account's officer: required when the role becomes CREDIT_OFFICER, refused for other roles. */
    personId: idOf('Person').nullish(),
    disabled: z.boolean().nullish(),
  })
  .strict();

/** What a sign-in attempt came to. Callers answer INVALID_CREDENTIALS alike whether or not `account` is known. */
export type SignInOutcome =
  | { kind: 'SIGNED_IN'; account: AccountRecord }
  | { kind: 'INVALID_CREDENTIALS'; account: AccountRecord | null }
  | { kind: 'LOCKED'; account: AccountRecord | null; lockedUntil: string };

/** Who is signing in, for the audit trail (the request's correlation id). */
export interface SignInRequest {
  login: unknown;
  password: unknown;
  correlationId: string;
  /** Production: a demo account (`demo: true`) is refused like a wrong password (audited as a refusal). */
  refuseDemoAccounts?: boolean;
}

/**
 * Checks a login and password. Unknown logins, locked accounts and wrong
 * passwords all spend one password verification, so timing does not tell
 * them apart; a disabled account is refused like a wrong password.
 */
export async function signIn(ctx: AccountsContext, request: SignInRequest, policy: LockPolicy = DEFAULT_LOCK_POLICY): Promise<SignInOutcome> {
  const password = typeof request.password === 'string' ? request.password : '';
  const login = Login.safeParse(request.login);
  const account = login.success ? await ctx.store.findAccountByLogin(login.data) : null;
  const at = ctx.now();
  if (account === null) {
    // The same lockout rule as a real account (failuresAfter), counted in the store under a hash of the name.
    const key = loginNameKey(login.success ? login.data : String(request.login));
    const actor = anonymousActor(request.correlationId);
    await ctx.hasher.burn(password);
    const before = await ctx.store.getLoginNameFailures(key);
    if (isLocked(before, at)) {
      await recordAuth(ctx, actor, at, 'auth:login-refused-locked', 'unknown');
      return { kind: 'LOCKED', account: null, lockedUntil: before.lockedUntil as string };
    }
    const after = await ctx.store.recordLoginNameFailure(key, lockAttempt(at, policy));
    await recordAuth(ctx, actor, at, 'auth:login-failed', 'unknown');
    if (isLocked(after, at)) return { kind: 'LOCKED', account: null, lockedUntil: after.lockedUntil as string };
    return { kind: 'INVALID_CREDENTIALS', account: null };
  }
  const actor = accountActor(account, request.correlationId);
  if (isLocked(account, at)) {
    await ctx.hasher.burn(password);
    await recordAuth(ctx, actor, at, 'auth:login-refused-locked', account.id);
    return { kind: 'LOCKED', account, lockedUntil: account.lockedUntil as string };
  }
  const matches = password !== '' && (await ctx.hasher.verify(account.passwordHash, password));
  if (!matches) {
    const after = await ctx.store.recordAccountLoginFailure(account.id, lockAttempt(at, policy));
    await recordAuth(ctx, actor, at, 'auth:login-failed', account.id);
    if (isLocked(after, at)) {
      await recordAuth(ctx, actor, at, 'auth:account-locked', account.id);
      return { kind: 'LOCKED', account: after, lockedUntil: after.lockedUntil as string };
    }
    return { kind: 'INVALID_CREDENTIALS', account: after };
  }
  if (account.disabled) {
    await recordAuth(ctx, actor, at, 'auth:login-refused-disabled', account.id);
    return { kind: 'INVALID_CREDENTIALS', account };
  }
  if (account.demo && request.refuseDemoAccounts === true) {
    await recordAuth(ctx, actor, at, 'auth:login-refused-demo', account.id);
    return { kind: 'INVALID_CREDENTIALS', account };
  }
  // Stored with older parameters: store a hash at today's cost while the password is at hand.
  const rehash = ctx.hasher.needsRehash(account.passwordHash) ? await ctx.hasher.hash(password) : null;
  const signedIn = await ctx.store.recordAccountLogin(account.id, { at: at.toISOString(), passwordHash: rehash });
  await recordAuth(ctx, actor, at, rehash === null ? 'auth:login' : 'auth:login+rehash', account.id);
  return { kind: 'SIGNED_IN', account: signedIn };
}

function lockAttempt(at: Date, policy: LockPolicy): { at: string; lockAfter: number; lockUntil: string } {
  return { at: at.toISOString(), lockAfter: policy.lockAfter, lockUntil: new Date(at.getTime() + policy.lockMinutes * 60_000).toISOString() };
}

/** Sign-out: ends every session of the account (on every API instance, since they share the store). */
export async function signOut(ctx: ServiceContext, accountId: string, correlationId: string): Promise<void> {
  const at = ctx.now();
  const [account] = await ctx.store.getAccounts([accountId]);
  if (!account) return;
  await ctx.store.endAccountSessions(accountId, at.toISOString());
  await recordAuth(ctx, accountActor(account, correlationId), at, 'auth:logout', accountId);
}

/**
 * The account a session stands for, when it still may: it exists, is not
 * disabled, and its sessions were not ended since the session was issued.
 */
export async function accountForSession(ctx: ServiceContext, accountId: string, generation: number): Promise<AccountRecord | null> {
  const [account] = await ctx.store.getAccounts([accountId]);
  if (!account || account.disabled || account.sessionGeneration !== generation) return null;
  return account;
}

// -- administration ----------------------------------------------------------

export interface CreateAccountOptions {
  /** Development demo accounts only (src/services/demoAccounts.ts). */
  demo?: boolean;
  /** Field paths of errors are rooted here (GraphQL: ['input']). */
  root?: ReadonlyArray<string | number>;
}

export async function createAccount(ctx: AccountsContext, actor: AuditActor, rawInput: unknown, options: CreateAccountOptions = {}): Promise<AccountRecord> {
  const root = options.root ?? ['input'];
  const input = parseInput(CreateAccountInput, rawInput, root);
  const scope = { townshipIds: input.townshipIds, villageIds: input.villageIds, organizationId: input.organizationId };
  checkScopeFitsRole(input.role, scope, root);
  await checkScopeExists(ctx, scope, root);
  await checkCreditOfficer(ctx, input.role, input.personId, root);
  const at = ctx.now().toISOString();
  const account: AccountRecord = {
    id: newAccountId(),
    login: input.login,
    displayName: input.displayName,
    role: input.role,
    ...scope,
    ...(input.role === 'CREDIT_OFFICER' ? { personId: input.personId } : {}),
    demo: options.demo === true,
    disabled: false,
    passwordHash: await ctx.hasher.hash(input.password),
    failedAttempts: 0,
    lockedUntil: null,
    sessionGeneration: 0,
    lastLoginAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const created = await underInput(root, ctx.store.createAccount(account));
  await recordAuth(ctx, actor, ctx.now(), 'account:create', created.id, [`role:${created.role}`]);
  return created;
}

export async function updateAccount(ctx: ServiceContext, actor: AuditActor, rawId: unknown, rawInput: unknown): Promise<AccountRecord> {
  const stored = await existingAccount(ctx, rawId);
  const input = parseInput(UpdateAccountInput, rawInput ?? {}, ['input']);
  const role = input.role ?? stored.role;
  const scope = {
    townshipIds: input.townshipIds ?? stored.townshipIds,
    villageIds: input.villageIds ?? stored.villageIds,
    organizationId: input.organizationId === undefined ? stored.organizationId : input.organizationId,
  };
  // A CREDIT_OFFICER keeps its officer unless another is given; any other role names none (a given one is refused).
  const personId = role === 'CREDIT_OFFICER' ? (input.personId ?? stored.personId ?? null) : (input.personId ?? null);
  // Only switching an account on or off is never refused, so an ADMIN can always disable an account stored before
  // these checks (e.g. an unbound CREDIT_OFFICER); every other change is checked as createAccount checks it.
  const onlyDisabled = Object.entries(input).every(([key, value]) => key === 'disabled' || value === undefined);
  if (!onlyDisabled) {
    checkScopeFitsRole(role, scope, ['input']);
    await checkScopeExists(ctx, scope, ['input']);
    await checkCreditOfficer(ctx, role, personId, ['input']);
  }
  const disabled = input.disabled ?? stored.disabled;
  const next: AccountRecord = {
    ...stored,
    ...scope,
    personId,
    role,
    displayName: input.displayName ?? stored.displayName,
    disabled,
    // Disabling ends its sessions at once (the request path also refuses a disabled account).
    sessionGeneration: disabled && !stored.disabled ? stored.sessionGeneration + 1 : stored.sessionGeneration,
    updatedAt: ctx.now().toISOString(),
    version: stored.version + 1,
  };
  // As createAccount stores it: the binding only on a CREDIT_OFFICER account.
  if (role !== 'CREDIT_OFFICER') delete next.personId;
  const updated = await ctx.store.updateAccount(next, { expectedVersion: stored.version });
  const changed = Object.keys(input).filter((key) => (input as Record<string, unknown>)[key] !== undefined).sort();
  await recordAuth(ctx, actor, ctx.now(), disabled && !stored.disabled ? 'account:disable' : 'account:update', updated.id, changed);
  return updated;
}

/** A new password set by an ADMIN (or the CLI): ends the account's sessions and clears a lock. */
export async function resetAccountPassword(ctx: AccountsContext, actor: AuditActor, rawId: unknown, rawPassword: unknown): Promise<AccountRecord> {
  const stored = await existingAccount(ctx, rawId);
  const password = parseInput(Password, rawPassword, ['password']);
  const next: AccountRecord = {
    ...stored,
    passwordHash: await ctx.hasher.hash(password),
    sessionGeneration: stored.sessionGeneration + 1,
    updatedAt: ctx.now().toISOString(),
    version: stored.version + 1,
  };
  const updated = await ctx.store.updateAccount(next, { expectedVersion: stored.version, resetLock: true });
  await recordAuth(ctx, actor, ctx.now(), 'account:reset-password', updated.id);
  return updated;
}

export async function unlockAccount(ctx: ServiceContext, actor: AuditActor, rawId: unknown): Promise<AccountRecord> {
  const stored = await existingAccount(ctx, rawId);
  const next: AccountRecord = { ...stored, updatedAt: ctx.now().toISOString(), version: stored.version + 1 };
  const updated = await ctx.store.updateAccount(next, { expectedVersion: stored.version, resetLock: true });
  await recordAuth(ctx, actor, ctx.now(), 'account:unlock', updated.id);
  return updated;
}

export function listAccounts(ctx: ServiceContext, page: PageRequest): Promise<Page<AccountRecord>> {
  return ctx.store.listAccounts(page);
}

export async function existingAccount(ctx: ServiceContext, rawId: unknown, path: ReadonlyArray<string | number> = ['id']): Promise<AccountRecord> {
  const id = parseInput(z.string().regex(/^acc_[A-Za-z0-9-]{1,64}$/, { message: 'must be an account id like "acc_0f3a…"' }), rawId, path);
  const [account] = await ctx.store.getAccounts([id]);
  if (!account) throw notFound('Account', id, path);
  return account;
}

export function accountActor(account: Pick<AccountRecord, 'id' | 'role'>, correlationId: string): AuditActor {
  return { actorId: account.id, role: account.role, purpose: 'SIGN_IN', correlationId };
}

// Private:

function anonymousActor(correlationId: string): AuditActor {
  return { actorId: 'anonymous', role: 'ANONYMOUS', purpose: 'SIGN_IN', correlationId };
}

/**
 * A sign-in or account event on the audit trail: action WRITE (each changes
 * stored account state, or records an attempt to), entity Account, and what
 * happened in `fields` — never a password, a hash or a typed login name.
 */
async function recordAuth(ctx: ServiceContext, actor: AuditActor, at: Date, what: string, accountId: string, extra: readonly string[] = []): Promise<void> {
  await auditWrite(
    ctx.store,
    AuditEvent.parse({
      id: auditEventId(at),
      at: at.toISOString(),
      ...actor,
      action: 'WRITE',
      entityKind: 'Account',
      entityId: accountId,
      fields: [what, ...extra],
    }),
  );
}

/**
 * The token rule (src/api/auth/tokens.ts): a partner NGO account is bound to its organisation. A CREDIT_OFFICER's
 * scope is its borrowers (its personId), so townships, villages or an organisation do not apply to it: refused.
 */
function checkScopeFitsRole(
  role: AccountRecord['role'],
  scope: { townshipIds: readonly string[]; villageIds: readonly string[]; organizationId: string | null },
  root: ReadonlyArray<string | number>,
): void {
  if (role === 'PARTNER_NGO' && scope.organizationId === null) {
    throw new HuzhuError('BAD_USER_INPUT', `${[...root, 'organizationId'].join('.')}: a PARTNER_NGO account needs its organisation (合作机构账号必须指定所属机构)`, {
      path: [...root, 'organizationId'],
    });
  }
  if (role === 'CREDIT_OFFICER') {
    const misplaced = scope.townshipIds.length > 0 ? 'townshipIds' : scope.villageIds.length > 0 ? 'villageIds' : scope.organizationId !== null ? 'organizationId' : null;
    if (misplaced !== null) {
      const path = [...root, misplaced];
      const empty = misplaced === 'organizationId' ? 'null' : '[]';
      throw new HuzhuError(
        'BAD_USER_INPUT',
        `${path.join('.')}: a CREDIT_OFFICER account has no township, village or organisation scope — its scope is its own borrowers; send ${misplaced}: ${empty} (信贷员账号不设乡镇、村或机构范围，其范围是本人的借款户；请将 ${misplaced} 设为 ${empty})`,
        { path },
      );
    }
  }
}

/** A CREDIT_OFFICER account names its officer, a stored Person holding the CREDIT_OFFICER role; other roles name none. */
async function checkCreditOfficer(ctx: ServiceContext, role: AccountRecord['role'], personId: string | null, root: ReadonlyArray<string | number>): Promise<void> {
  const path = [...root, 'personId'];
  if (role !== 'CREDIT_OFFICER') {
    if (personId !== null) throw new HuzhuError('BAD_USER_INPUT', `${path.join('.')}: only a CREDIT_OFFICER account names a person (只有信贷员账号绑定人员)`, { path });
    return;
  }
  if (personId === null) {
    throw new HuzhuError('BAD_USER_INPUT', `${path.join('.')}: a CREDIT_OFFICER account needs its officer's Person id (信贷员账号必须绑定信贷员本人)`, { path });
  }
  const [person] = await ctx.store.getMany('Person', [personId]);
  if (!person) throw notFound('Person', personId, path);
  if (!person.roles.includes('CREDIT_OFFICER')) {
    throw new HuzhuError('BAD_USER_INPUT', `${path.join('.')}: the person is not a credit officer (该人员不是信贷员)`, { path });
  }
}

async function checkScopeExists(
  ctx: ServiceContext,
  scope: { townshipIds: readonly string[]; villageIds: readonly string[]; organizationId: string | null },
  root: ReadonlyArray<string | number>,
): Promise<void> {
  const checks = [
    { kind: 'Township' as const, field: 'townshipIds', ids: scope.townshipIds },
    { kind: 'Village' as const, field: 'villageIds', ids: scope.villageIds },
    { kind: 'Organization' as const, field: 'organizationId', ids: scope.organizationId === null ? [] : [scope.organizationId] },
  ];
  for (const { kind, field, ids } of checks) {
    if (ids.length === 0) continue;
    const found = await ctx.store.getMany(kind, ids);
    const missing = found.findIndex((record) => record === null);
    if (missing !== -1) {
      const path = field === 'organizationId' ? [...root, field] : [...root, field, missing];
      throw notFound(kind, ids[missing] as string, path);
    }
  }
}
