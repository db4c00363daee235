import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { IsoDateTime, idOf } from './model';

/**
 * A sign-in account (issue 11): who may sign in to the console, with the role
 * and scope their session carries — exactly the claims a bearer token carries
 * (src/api/auth/tokens.ts). Accounts are not entities of the network: they are
 * never reachable through node(id), getMany or list, only through the store's
 * account methods, and the stored record (with its password hash) never
 * leaves the services layer; clients see `publicAccount()` of it.
 */

/** Roles an account may hold; the API checks at compile time that this equals Viewer's Role minus ANONYMOUS. */
export const AccountRole = z.enum(['ADMIN', 'COORDINATOR', 'SOCIAL_WORKER', 'VOLUNTEER', 'PARTNER_NGO', 'DESIGNER', 'CREDIT_OFFICER']);
export type AccountRole = z.infer<typeof AccountRole>;

export const ACCOUNT_ID_PREFIX = 'acc';
export const AccountId = z.string().regex(/^acc_[A-Za-z0-9-]{1,64}$/, { message: 'must be an account id like "acc_0f3a…"' });

/**
 * Login names are case-insensitive: stored and compared lower-cased. Letters,
 * digits and . _ @ - (so an e-mail address works), 3–64 characters.
 */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{2,63}$/;
export const Login = z
  .string()
  .trim()
  .transform((s) => s.toLowerCase())
  .pipe(z.string().regex(LOGIN_PATTERN, { message: 'must be 3–64 letters, digits or . _ @ - (登录名只能包含字母、数字和 . _ @ -，3–64 个字符)' }));

/** The stored record (store port only; holds the password hash). */
export const AccountRecord = z.object({
  id: AccountId,
  login: z.string().regex(LOGIN_PATTERN),
  displayName: z.string().min(1).max(100),
  role: AccountRole,
  townshipIds: z.array(idOf('Township')),
  villageIds: z.array(idOf('Village')),
  organizationId: idOf('Organization').nullable(),
  /**
   * CREDIT_OFFICER binding (issue 15 item 3): the officer's Person id, carried by the session like a token's
   * `person` claim. Absent (read as none) on accounts of other roles and on records stored before the field.
   */
  personId: idOf('Person').nullish(),
  /** Development demo account (演示), created by the first start outside production. */
  demo: z.boolean(),
  disabled: z.boolean(),
  /** argon2id PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash). */
  passwordHash: z.string().startsWith('$argon2id$'),
  /** Consecutive wrong passwords since the last success or expired lock. */
  failedAttempts: z.number().int().min(0),
  /** Locked until then (ISO, UTC); null when not locked. */
  lockedUntil: IsoDateTime.nullable(),
  /** Sessions carry the generation they were issued at; bumping it ends them all (logout, reset, disable). */
  sessionGeneration: z.number().int().min(0),
  lastLoginAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Optimistic concurrency for admin edits (updateAccount's expectedVersion). */
  version: z.number().int().min(1),
});
export type AccountRecord = z.infer<typeof AccountRecord>;

/** What clients see of an account (the team contract's Account JSON): no hash, no counters. */
export interface PublicAccount {
  id: string;
  login: string;
  displayName: string;
  role: AccountRole;
  townshipIds: string[];
  villageIds: string[];
  organizationId: string | null;
  demo: boolean;
}

/** Admin views add the state an administrator acts on (still never the hash). */
export interface AdminAccountView extends PublicAccount {
  disabled: boolean;
  locked: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function publicAccount(account: AccountRecord): PublicAccount {
  return {
    id: account.id,
    login: account.login,
    displayName: account.displayName,
    role: account.role,
    townshipIds: [...account.townshipIds],
    villageIds: [...account.villageIds],
    organizationId: account.organizationId,
    demo: account.demo,
  };
}

export function adminAccountView(account: AccountRecord, now: Date): AdminAccountView {
  return {
    ...publicAccount(account),
    disabled: account.disabled,
    locked: isLocked(account, now),
    lockedUntil: isLocked(account, now) ? account.lockedUntil : null,
    failedAttempts: account.failedAttempts,
    lastLoginAt: account.lastLoginAt,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  };
}

export function isLocked(account: Pick<AccountRecord, 'lockedUntil'>, now: Date): boolean {
  return account.lockedUntil !== null && Date.parse(account.lockedUntil) > now.getTime();
}

export function newAccountId(): string {
  return `${ACCOUNT_ID_PREFIX}_${randomBytes(10).toString('hex')}`;
}
