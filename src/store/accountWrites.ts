import { createHash } from 'node:crypto';
import { AccountRecord } from '../domain/Account';
import { HuzhuError } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';

/**
 * What each account write of the port (GraphStore, "accounts") makes of the
 * stored record: pure functions both adapters apply to the record they hold
 * under the write lock (memory: the write queue; Neo4j: the node's lock), so
 * the two cannot drift apart on the lockout rule.
 */

export interface LoginFailure {
  at: string;
  lockAfter: number;
  lockUntil: string;
}

export interface LoginSuccess {
  at: string;
  passwordHash: string | null;
}

/** Validates an account given to the store (BAD_USER_INPUT with the field's path). */
export function validAccount(account: unknown): AccountRecord {
  return parseInput(AccountRecord, account, []);
}

/** updateAccount: the edit, keeping the login counters unless the lock is reset; sessionGeneration never goes down. */
export function accountAfterUpdate(
  stored: AccountRecord,
  given: AccountRecord,
  options: { expectedVersion: number; resetLock?: boolean },
  adapter: string,
): AccountRecord {
  if (stored.version !== options.expectedVersion) {
    throw new HuzhuError(
      'CONFLICT',
      `${adapter}: updateAccount: ${stored.id} is at version ${stored.version}, not ${options.expectedVersion}; someone changed it since you read it (read it again and retry)`,
      { path: ['expectedVersion'], details: { existingId: stored.id, expectedVersion: options.expectedVersion, actualVersion: stored.version } },
    );
  }
  const reset = options.resetLock === true;
  return validAccount({
    ...given,
    failedAttempts: reset ? 0 : stored.failedAttempts,
    lockedUntil: reset ? null : stored.lockedUntil,
    lastLoginAt: stored.lastLoginAt,
    sessionGeneration: Math.max(stored.sessionGeneration, given.sessionGeneration),
  });
}

/**
 * One wrong password: the count goes up by one, from zero again when an
 * earlier lock has expired; reaching `lockAfter` locks until `lockUntil`.
 * (ISO-8601 UTC strings of one format compare as times.)
 */
export function accountAfterFailure(stored: AccountRecord, attempt: LoginFailure): AccountRecord {
  return validAccount({ ...stored, ...failuresAfter(stored, attempt) });
}

/** The failure counters of an account, or of a login name no account holds (recordLoginNameFailure). */
export interface LoginFailureRecord {
  failedAttempts: number;
  lockedUntil: string | null;
}

export const NO_LOGIN_FAILURES: Readonly<LoginFailureRecord> = Object.freeze({ failedAttempts: 0, lockedUntil: null });

/**
 * The one lockout rule, for real accounts and unknown login names alike (so
 * the answers cannot tell them apart): the count goes up by one, from zero
 * again when an earlier lock has expired; reaching `lockAfter` locks until
 * `lockUntil`. There is no time window besides the lock itself.
 */
export function failuresAfter(stored: LoginFailureRecord, attempt: LoginFailure): LoginFailureRecord {
  const lockExpired = stored.lockedUntil !== null && stored.lockedUntil <= attempt.at;
  const failedAttempts = (lockExpired ? 0 : stored.failedAttempts) + 1;
  const lockedUntil = failedAttempts >= attempt.lockAfter ? attempt.lockUntil : lockExpired ? null : stored.lockedUntil;
  return { failedAttempts, lockedUntil };
}

/** A store key for a login name no account holds: a hash of the normalised name, so the store never holds what was typed. */
export function loginNameKey(login: string): string {
  return createHash('sha256').update(`huzhu-login-name:${login.trim().toLowerCase()}`).digest('hex');
}

export function accountAfterLogin(stored: AccountRecord, login: LoginSuccess): AccountRecord {
  return validAccount({
    ...stored,
    failedAttempts: 0,
    lockedUntil: null,
    lastLoginAt: login.at,
    passwordHash: login.passwordHash ?? stored.passwordHash,
  });
}

export function accountAfterEndSessions(stored: AccountRecord, at: string): AccountRecord {
  return validAccount({ ...stored, sessionGeneration: stored.sessionGeneration + 1, updatedAt: at });
}

export function accountNotFound(adapter: string, operation: string, id: string): HuzhuError {
  return new HuzhuError('NOT_FOUND', `${adapter}: ${operation}: account ${JSON.stringify(id)} was not found`, {
    path: ['id'],
    details: { kind: 'Account', id },
  });
}

export function loginTaken(adapter: string, operation: string, holderId: string): HuzhuError {
  return new HuzhuError('CONFLICT', `${adapter}: ${operation}: the login is already taken by another account; choose another login`, {
    path: ['login'],
    details: { existingId: holderId, key: 'login' },
  });
}

export function accountIdTaken(adapter: string, operation: string, id: string): HuzhuError {
  return new HuzhuError('CONFLICT', `${adapter}: ${operation}: account ${id} already exists`, { path: ['id'], details: { existingId: id, key: 'id' } });
}
