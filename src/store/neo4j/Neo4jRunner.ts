import neo4j, { type AuthToken, type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { z } from 'zod';
import { HuzhuError } from '../../errors/HuzhuError';
import type { CypherRegistry, QueryMode, QueryName } from './cypherRegistry';
import { mapDriverError } from './mapDriverError';
import { toNative } from './toNative';

export type Params = Record<string, unknown>;

/** How far a WRITE unit of work got (read when it fails). */
interface WriteProgress {
  commitRequested: boolean;
}

/** What a unit of work sees: named queries only, each row converted (toNative) and parsed with a zod schema. */
export interface QueryTx {
  /** Every row, parsed with `row`. */
  rows<S extends z.ZodType>(name: QueryName, params: Params, row: S): Promise<Array<z.output<S>>>;
  /** The first row (statements that return at most one), or null when there is none. */
  first<S extends z.ZodType>(name: QueryName, params: Params, row: S): Promise<z.output<S> | null>;
}

export interface RunnerOptions {
  database: string;
  /** Per-transaction budget (NEO4J_TIMEOUT_MS): server-side timeout and the caller's deadline. */
  timeoutMs: number;
}

/**
 * The one way the Neo4j adapter talks to the database (the neo4j/graphql
 * Executor in miniature): a session per unit of work on the configured
 * database, READ work through executeRead and WRITE work through executeWrite
 * (so a cluster routes them to a follower or the leader, and transient
 * failures such as deadlocks are retried by the driver), every driver failure
 * mapped once by mapDriverError, and every returned row validated at the
 * boundary.
 *
 * A call never outlives its budget: the transaction carries `timeoutMs` as its
 * server-side timeout, and the caller gets an answer at the deadline even
 * while the driver is still retrying a database that is down (the driver's own
 * retry and connection timeouts are bounded by the same budget in
 * createNeo4jDriver, so the abandoned attempt ends soon after).
 *
 * Which answer (issue 10 item 5): a READ that fails or times out did nothing,
 * UNAVAILABLE. A WRITE abandoned at its deadline may still commit (the driver
 * carries on with it), and a WRITE whose connection failed after its work was
 * done and the commit asked for may have committed: both are OUTCOME_UNKNOWN,
 * which tells the client to retry with the same idempotency key. A WRITE that
 * failed before its commit was asked for (connection refused, the work still
 * running when the server gave up) did nothing: UNAVAILABLE.
 */
export class Neo4jRunner {
  readonly #driver: Driver;
  readonly #registry: CypherRegistry;
  readonly #options: RunnerOptions;

  constructor(driver: Driver, registry: CypherRegistry, options: RunnerOptions) {
    this.#driver = driver;
    this.#registry = registry;
    this.#options = options;
  }

  read<T>(work: (tx: QueryTx) => Promise<T>, budget: { timeoutMs?: number } = {}): Promise<T> {
    return this.#execute('READ', work, budget.timeoutMs ?? this.#options.timeoutMs);
  }

  write<T>(work: (tx: QueryTx) => Promise<T>, budget: { timeoutMs?: number } = {}): Promise<T> {
    return this.#execute('WRITE', work, budget.timeoutMs ?? this.#options.timeoutMs);
  }

  /** Run one SCHEMA statement (constraint or index) in a transaction of its own, as Neo4j requires. */
  async schema(name: QueryName, budget: { timeoutMs?: number } = {}): Promise<void> {
    const query = this.#registry.get(name);
    if (query.mode !== 'SCHEMA') {
      throw new Error(`store/neo4j/runner: ${name} is a ${query.mode} statement; run it with read() or write()`);
    }
    const timeoutMs = budget.timeoutMs ?? this.#options.timeoutMs;
    try {
      await this.#withSession('WRITE', () => name, timeoutMs, (session) =>
        session.executeWrite(async (tx) => {
          await tx.run(query.text);
        }, { timeout: timeoutMs }),
      );
    } catch (error) {
      // Several API instances starting together race to create the same index; IF NOT EXISTS does not cover a
      // concurrent twin, and the loser's work is done by the winner.
      if (!SCHEMA_ALREADY_EXISTS.test(codeOf(error))) throw error;
    }
  }

  // Private:

  #execute<T>(mode: 'READ' | 'WRITE', work: (tx: QueryTx) => Promise<T>, timeoutMs: number): Promise<T> {
    let current: QueryName | null = null;
    const progress: WriteProgress = { commitRequested: false };
    return this.#withSession(mode, () => current ?? `${mode.toLowerCase()} transaction`, timeoutMs, (session) => {
      const txWork = async (tx: ManagedTransaction) => {
        const result = await work(this.#queryTx(tx, mode, (name) => {
          current = name;
        }));
        // The driver commits as soon as the work resolves; from here on a lost answer leaves the outcome open
        // (sticky across the driver's retries: an earlier attempt may be the one that committed).
        progress.commitRequested = true;
        return result;
      };
      const config = { timeout: timeoutMs };
      return mode === 'READ' ? session.executeRead(txWork, config) : session.executeWrite(txWork, config);
    }, progress);
  }

  async #withSession<T>(
    mode: 'READ' | 'WRITE',
    /** What was running, for the error message (read when the call fails). */
    label: () => string,
    timeoutMs: number,
    run: (session: ReturnType<Driver['session']>) => Promise<T>,
    /** For WRITE work: whether a commit was asked for, which makes a lost answer OUTCOME_UNKNOWN. */
    progress: WriteProgress = { commitRequested: false },
  ): Promise<T> {
    const session = this.#driver.session({
      database: this.#options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const attempt = run(session);
    // The session closes when the attempt settles, also after the deadline gave up on it.
    const settled = attempt.then(
      () => session.close(),
      () => session.close(),
    );
    settled.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const name = label();
        // An abandoned write is not cancelled: the driver may still commit it.
        reject(
          mode === 'WRITE'
            ? new HuzhuError(
                'OUTCOME_UNKNOWN',
                `the graph database gave no answer within ${timeoutMs} ms, so this write may or may not have been stored; ` +
                  `retry with the same idempotency key (store/neo4j: ${name})`,
              )
            : new HuzhuError(
                'UNAVAILABLE',
                `the graph database is unavailable: no answer within ${timeoutMs} ms; retry, or raise NEO4J_TIMEOUT_MS ` +
                  `(store/neo4j: ${name})`,
              ),
        );
      }, timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([attempt, deadline]);
    } catch (error) {
      throw mapDriverError(error, label(), { writeCommitRequested: mode === 'WRITE' && progress.commitRequested });
    } finally {
      clearTimeout(timer);
    }
  }

  #queryTx(tx: ManagedTransaction, mode: 'READ' | 'WRITE', onQuery: (name: QueryName) => void): QueryTx {
    const rows = async <S extends z.ZodType>(name: QueryName, params: Params, row: S): Promise<Array<z.output<S>>> => {
      const query = this.#registry.get(name);
      assertRunnable(query.mode, mode, name);
      onQuery(name);
      const result = await tx.run(query.text, params);
      return result.records.map((record, index) => {
        const parsed = row.safeParse(toNative(record.toObject()));
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new Error(
            `store/neo4j/runner: row ${index} of ${name} does not match its schema ` +
              `(${issue ? `${issue.path.join('.') || '(row)'}: ${issue.message}` : 'invalid'}); ` +
              'the stored data or the statement does not fit the domain model',
          );
        }
        return parsed.data;
      });
    };
    return {
      rows,
      first: async (name, params, row) => (await rows(name, params, row))[0] ?? null,
    };
  }
}

/**
 * A driver whose own waits all fit inside the per-call budget: connecting,
 * acquiring a pooled connection, and retrying transient failures. The pool
 * reconnects by itself once Neo4j is back; nothing needs a restart.
 */
export function createNeo4jDriver(options: { uri: string; user: string; password?: string | undefined; timeoutMs: number }): Driver {
  const auth = options.password === undefined ? NO_AUTH : neo4j.auth.basic(options.user, options.password);
  return neo4j.driver(options.uri, auth, {
    userAgent: 'huzhu',
    connectionTimeout: options.timeoutMs,
    connectionAcquisitionTimeout: options.timeoutMs,
    // Half the budget: against a database that is down, the driver gives up (ServiceUnavailable, which names the
    // cause) before the caller's deadline, and no retry timer outlives the call.
    maxTransactionRetryTime: Math.floor(options.timeoutMs / 2),
    // Neo4j's "unknown label"/"cartesian product" hints are for humans at a console, not for this log.
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
}

// Private:

const SCHEMA_ALREADY_EXISTS = /^Neo\.ClientError\.Schema\.(EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists)$/;

function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error).code : '';
  return typeof code === 'string' ? code : '';
}

/** The driver's auth.none() token (its typings omit that helper). */
const NO_AUTH: AuthToken = { scheme: 'none', credentials: '' };

function assertRunnable(queryMode: QueryMode, txMode: 'READ' | 'WRITE', name: QueryName): void {
  if (queryMode === 'SCHEMA') {
    throw new Error(`store/neo4j/runner: ${name} is a SCHEMA statement; run it with schema(), not inside a transaction`);
  }
  if (queryMode === 'WRITE' && txMode === 'READ') {
    throw new Error(`store/neo4j/runner: ${name} writes; run it inside write(), not read()`);
  }
}
