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
  const lockExpired = stored.lockedUntil !== null && stored.lockedUntil <= attempt.at;
  const failedAttempts = (lockExpired ? 0 : stored.failedAttempts) + 1;
  const lockedUntil = failedAttempts >= attempt.lockAfter ? attempt.lockUntil : lockExpired ? null : stored.lockedUntil;
  return validAccount({ ...stored, failedAttempts, lockedUntil });
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
