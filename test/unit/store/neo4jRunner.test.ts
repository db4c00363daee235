/**
 * The Neo4j runner's answer when a call fails (issue 10 item 5), without a
 * database: a stand-in driver plays the failures. UNAVAILABLE means nothing
 * was done; OUTCOME_UNKNOWN means a write may have been stored (the client
 * retries with the same idempotency key).
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { HuzhuError } from '../../../src/errors/HuzhuError';
import { Q, loadCypherRegistry } from '../../../src/store/neo4j/cypherRegistry';
import { Neo4jRunner, type QueryTx } from '../../../src/store/neo4j/Neo4jRunner';

type TxWork = (tx: ManagedTransaction) => Promise<unknown>;
/** How the stand-in session runs a unit of work: call it (or not), then settle (or not). */
type Play = (work: TxWork) => Promise<unknown>;

const NEVER = () => new Promise<never>(() => undefined);
const answeringTx = { run: async () => ({ records: [] }) } as unknown as ManagedTransaction;
const driverError = (code: string) => Object.assign(new Error(`synthetic driver failure ${code}`), { code });

function runnerPlaying(play: Play, timeoutMs = 200): Neo4jRunner {
  const session = { executeRead: play, executeWrite: play, close: async () => undefined };
  const driver = { session: () => session } as unknown as Driver;
  return new Neo4jRunner(driver, loadCypherRegistry(), { database: 'neo4j', timeoutMs });
}

const aWrite = (tx: QueryTx) => tx.rows(Q.bumpNetworkVersion, {}, z.object({}));
const aRead = (tx: QueryTx) => tx.rows(Q.getNetworkVersion, {}, z.object({}));

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof HuzhuError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('Neo4jRunner: what a failed call tells the client', () => {
  it('answers OUTCOME_UNKNOWN when a write passes its deadline after its statements were sent (the driver may still commit it)', async () => {
    const runner = runnerPlaying(async (work) => {
      await work(answeringTx);
      return NEVER(); // the commit never answers
    });
    const error = await runner.write(aWrite).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringMatching(/same idempotency key/) });
  });

  it('answers OUTCOME_UNKNOWN when a write passes its deadline even before an answer to its first statement', async () => {
    const runner = runnerPlaying(() => NEVER());
    expect(await codeOf(runner.write(aWrite))).toBe('OUTCOME_UNKNOWN');
  });

  it('answers UNAVAILABLE when a read passes its deadline: a read changes nothing', async () => {
    const runner = runnerPlaying(async (work) => {
      await work(answeringTx);
      return NEVER();
    });
    expect(await codeOf(runner.read(aRead))).toBe('UNAVAILABLE');
  });

  it('answers UNAVAILABLE when the connection is refused before the write could run', async () => {
    const runner = runnerPlaying(async () => {
      throw driverError('ServiceUnavailable');
    });
    expect(await codeOf(runner.write(aWrite))).toBe('UNAVAILABLE');
  });

  it.each(['ServiceUnavailable', 'SessionExpired', 'ECONNRESET'])(
    'answers OUTCOME_UNKNOWN when the connection fails (%s) after the work was done and the commit asked for',
    async (code) => {
      const runner = runnerPlaying(async (work) => {
        await work(answeringTx);
        throw driverError(code);
      });
      expect(await codeOf(runner.write(aWrite))).toBe('OUTCOME_UNKNOWN');
    },
  );

  it('keeps OUTCOME_UNKNOWN across the driver retrying: an earlier attempt may be the one that committed', async () => {
    const runner = runnerPlaying(async (work) => {
      await work(answeringTx); // attempt 1 reached its commit, whose answer was lost
      throw driverError('ServiceUnavailable'); // attempt 2 could not even connect
    });
    expect(await codeOf(runner.write(aWrite))).toBe('OUTCOME_UNKNOWN');
  });

  it('answers UNAVAILABLE when the write failed while its work was still running (no commit was asked for)', async () => {
    const failingTx = { run: async () => Promise.reject(driverError('SessionExpired')) } as unknown as ManagedTransaction;
    const runner = runnerPlaying(async (work) => work(failingTx));
    expect(await codeOf(runner.write(aWrite))).toBe('UNAVAILABLE');
  });

  it('passes a HuzhuError from the work through unchanged (a refusal is an answer, not an unknown outcome)', async () => {
    const runner = runnerPlaying(async (work) => work(answeringTx));
    const refusal = new HuzhuError('CONFLICT', 'synthetic refusal');
    await expect(
      runner.write(async (tx) => {
        await aWrite(tx);
        throw refusal;
      }),
    ).rejects.toBe(refusal);
  });
});
