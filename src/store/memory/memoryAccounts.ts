import type { AccountRecord } from '../../domain/Account';
import {
  accountAfterEndSessions,
  accountAfterFailure,
  accountAfterLogin,
  accountAfterUpdate,
  accountIdTaken,
  accountNotFound,
  loginTaken,
  validAccount,
  type LoginFailure,
  type LoginSuccess,
} from '../accountWrites';
import { cloneJson } from './cloneJson';
import type { MemoryGraph, MemoryOp } from './MemoryGraph';

/**
 * The memory store's account writes, planned against the current state like
 * every other write: the ops to journal and apply, and the result once
 * applied. MemoryStore runs them through its write queue, so each is atomic
 * and a counter cannot lose an increment. The rules are ../accountWrites.ts.
 */
export interface PlannedAccountWrite {
  ops: MemoryOp[];
  result: () => AccountRecord;
}

const ADAPTER = 'store/memory';

export function planCreateAccount(state: MemoryGraph, account: AccountRecord): PlannedAccountWrite {
  const parsed = validAccount(account);
  if (state.getAccount(parsed.id) !== undefined) throw accountIdTaken(ADAPTER, 'createAccount', parsed.id);
  const holder = state.accountIdByLogin(parsed.login);
  if (holder !== undefined) throw loginTaken(ADAPTER, 'createAccount', holder);
  return put(parsed);
}

export function planUpdateAccount(state: MemoryGraph, account: AccountRecord, options: { expectedVersion: number; resetLock?: boolean }): PlannedAccountWrite {
  const parsed = validAccount(account);
  const stored = existing(state, parsed.id, 'updateAccount');
  const next = accountAfterUpdate(stored, parsed, options, ADAPTER);
  const holder = state.accountIdByLogin(next.login);
  if (holder !== undefined && holder !== next.id) throw loginTaken(ADAPTER, 'updateAccount', holder);
  return put(next);
}

export function planLoginFailure(state: MemoryGraph, id: string, attempt: LoginFailure): PlannedAccountWrite {
  return put(accountAfterFailure(existing(state, id, 'recordAccountLoginFailure'), attempt));
}

export function planLogin(state: MemoryGraph, id: string, login: LoginSuccess): PlannedAccountWrite {
  return put(accountAfterLogin(existing(state, id, 'recordAccountLogin'), login));
}

export function planEndSessions(state: MemoryGraph, id: string, at: string): PlannedAccountWrite {
  return put(accountAfterEndSessions(existing(state, id, 'endAccountSessions'), at));
}

// Private:

function existing(state: MemoryGraph, id: string, operation: string): AccountRecord {
  const stored = state.getAccount(id);
  if (stored === undefined) throw accountNotFound(ADAPTER, operation, id);
  return stored;
}

function put(account: AccountRecord): PlannedAccountWrite {
  const stored = cloneJson(account);
  return { ops: [{ o: 'account', e: stored }], result: () => cloneJson(stored) };
}
