import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { AccountRecord } from '../../domain/Account';
import { badInput } from '../../errors/HuzhuError';
import {
  accountAfterEndSessions,
  accountAfterFailure,
  accountAfterLogin,
  accountAfterUpdate,
  accountIdTaken,
  accountNotFound,
  loginTaken,
  validAccount,
  failuresAfter,
  NO_LOGIN_FAILURES,
  type LoginFailure,
  type LoginFailureRecord,
  type LoginSuccess,
} from '../accountWrites';
import { MAX_BULK_PAGE, NOT_COUNTED, type Page, type PageRequest } from '../GraphStore';
import { Q } from './cypherRegistry';
import { isConstraintConflict } from './mapDriverError';
import type { Neo4jRunner, QueryTx } from './Neo4jRunner';

/**
 * The account methods of the port over Neo4j: `(:Account)` nodes with one
 * property per AccountRecord field (no edges: an account is not part of the
 * network). Every change is lockAccount → the rule in ../accountWrites.ts →
 * setAccount in one write transaction, so concurrent failures from several
 * API instances add up. Account writes do not bump the store version.
 */
export class Neo4jAccounts {
  readonly #runner: Neo4jRunner;

  constructor(runner: Neo4jRunner) {
    this.#runner = runner;
  }

  async create(account: AccountRecord): Promise<AccountRecord> {
    const parsed = validAccount(account);
    return retryConstraintRaces(() =>
      this.#runner.write(async (tx) => {
        const [sameId] = await getAccounts(tx, [parsed.id]);
        if (sameId) throw accountIdTaken(ADAPTER, 'createAccount', parsed.id);
        const holder = await tx.first(Q.findAccountByLogin, { login: parsed.login }, AccountRow);
        if (holder) throw loginTaken(ADAPTER, 'createAccount', holder.id);
        await tx.rows(Q.createAccount, { props: parsed }, IdRow);
        return parsed;
      }),
    );
  }

  async getMany(ids: readonly string[]): Promise<Array<AccountRecord | null>> {
    if (ids.length === 0) return [];
    return this.#runner.read((tx) => getAccounts(tx, ids));
  }

  async findByLogin(login: string): Promise<AccountRecord | null> {
    return this.#runner.read((tx) => tx.first(Q.findAccountByLogin, { login: login.trim().toLowerCase() }, AccountRow));
  }

  async list(page: PageRequest): Promise<Page<AccountRecord>> {
    const first = page.first;
    if (!Number.isInteger(first) || first < 0 || first > MAX_BULK_PAGE) {
      throw badInput(`${ADAPTER}: listAccounts: first must be a whole number from 0 to ${MAX_BULK_PAGE}, got ${String(first)}`, ['first']);
    }
    return this.#runner.read(async (tx) => {
      const total = page.count === false ? { total: NOT_COUNTED } : await tx.first(Q.countAccounts, {}, TotalRow);
      const items = await tx.rows(Q.listAccounts, { after: page.after ?? '', limit: neo4j.int(first + 1) }, AccountRow);
      const hasNextPage = items.length > first;
      if (hasNextPage) items.length = first;
      return { items, totalCount: total?.total ?? 0, hasNextPage, endCursor: items.at(-1)?.id ?? null };
    });
  }

  async update(account: AccountRecord, options: { expectedVersion: number; resetLock?: boolean }): Promise<AccountRecord> {
    const parsed = validAccount(account);
    return retryConstraintRaces(() =>
      this.#change(parsed.id, 'updateAccount', async (stored, tx) => {
        const next = accountAfterUpdate(stored, parsed, options, ADAPTER);
        const holder = await tx.first(Q.findAccountByLogin, { login: next.login }, AccountRow);
        if (holder && holder.id !== next.id) throw loginTaken(ADAPTER, 'updateAccount', holder.id);
        return next;
      }),
    );
  }

  recordFailure(id: string, attempt: LoginFailure): Promise<AccountRecord> {
    return this.#change(id, 'recordAccountLoginFailure', async (stored) => accountAfterFailure(stored, attempt));
  }

  recordLogin(id: string, login: LoginSuccess): Promise<AccountRecord> {
    return this.#change(id, 'recordAccountLogin', async (stored) => accountAfterLogin(stored, login));
  }

  endSessions(id: string, at: string): Promise<AccountRecord> {
    return this.#change(id, 'endAccountSessions', async (stored) => accountAfterEndSessions(stored, at));
  }

  async getLoginNameFailures(key: string): Promise<LoginFailureRecord> {
    return this.#runner.read(async (tx) => (await tx.first(Q.getLoginNameFailure, { key }, FailureRow)) ?? { ...NO_LOGIN_FAILURES });
  }

  /** An unknown login name's failure: lock (MERGE), the rule in ../accountWrites.ts, write back — one transaction. */
  recordLoginNameFailure(key: string, attempt: LoginFailure): Promise<LoginFailureRecord> {
    return retryConstraintRaces(() =>
      this.#runner.write(async (tx) => {
        const stored = (await tx.first(Q.lockLoginNameFailure, { key }, FailureRow)) ?? { ...NO_LOGIN_FAILURES };
        const next = failuresAfter(stored, attempt);
        const written = await tx.first(Q.setLoginNameFailure, { key, failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil }, FailureRow);
        return written ?? next;
      }),
    );
  }

  // Private: lock, compute, write back — one transaction.
  #change(id: string, operation: string, next: (stored: AccountRecord, tx: QueryTx) => Promise<AccountRecord>): Promise<AccountRecord> {
    return this.#runner.write(async (tx) => {
      const stored = await tx.first(Q.lockAccount, { id }, AccountRow);
      if (!stored) throw accountNotFound(ADAPTER, operation, id);
      const record = await next(stored, tx);
      const written = await tx.first(Q.setAccount, { id, props: record }, AccountRow);
      if (!written) throw accountNotFound(ADAPTER, operation, id);
      return written;
    });
  }
}

// Private:

const ADAPTER = 'store/neo4j';
const NULLABLE = ['organizationId', 'lockedUntil', 'lastLoginAt'] as const;

/** A row `{ props }` as an AccountRecord: absent nullable properties read back as null, then the schema checks it all. */
const AccountRow = z
  .object({ props: z.record(z.string(), z.unknown()) })
  .transform(({ props }) => {
    const record: Record<string, unknown> = { ...props };
    for (const field of NULLABLE) record[field] = props[field] ?? null;
    return record;
  })
  .pipe(AccountRecord);
const IdRow = z.object({ id: z.string() });
const FailureRow = z.object({ failedAttempts: z.number().int().min(0), lockedUntil: z.string().nullable() });
const TotalRow = z.object({ total: z.number().int().min(0) });

async function getAccounts(tx: QueryTx, ids: readonly string[]): Promise<Array<AccountRecord | null>> {
  const found = await tx.rows(Q.getAccountsByIds, { ids: [...new Set(ids)] }, AccountRow);
  const byId = new Map(found.map((a) => [a.id, a]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Run again when a uniqueness constraint rejected a write that raced past its lookup; the next lookup names the holder. */
async function retryConstraintRaces<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3 || !isConstraintConflict(error)) throw error;
    }
  }
}
