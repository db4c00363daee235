import type { FormattedExecutionResult } from 'graphql';
import { isWhollyUnavailable } from '../../../src/api/unavailableStatusPlugin';

/** Issue 10 item 6: which GraphQL results mean "nothing could be executed" (answered 503 + Retry-After). */
const unavailable = (path?: string[]) => ({ message: 'the graph database is unavailable', ...(path ? { path } : {}), extensions: { code: 'UNAVAILABLE' } });

describe('isWhollyUnavailable', () => {
  it('holds when data is null and every error is UNAVAILABLE', () => {
    expect(isWhollyUnavailable({ data: null, errors: [unavailable(['townships'])] })).toBe(true);
    expect(isWhollyUnavailable({ errors: [unavailable()] })).toBe(true);
  });

  it('holds when every root field is null with an UNAVAILABLE error of its own', () => {
    expect(isWhollyUnavailable({ data: { a: null, b: null }, errors: [unavailable(['a']), unavailable(['b'])] })).toBe(true);
  });

  it('does not hold for a result without errors', () => {
    expect(isWhollyUnavailable({ data: { townships: { totalCount: 1 } } })).toBe(false);
    expect(isWhollyUnavailable({ data: null, errors: [] })).toBe(false);
  });

  it('does not hold when another code is among the errors', () => {
    const result: FormattedExecutionResult = { data: null, errors: [unavailable(['a']), { message: 'x', path: ['b'], extensions: { code: 'FORBIDDEN' } }] };
    expect(isWhollyUnavailable(result)).toBe(false);
  });

  it('does not hold for OUTCOME_UNKNOWN: a write that may have happened is not "nothing executed"', () => {
    expect(isWhollyUnavailable({ data: null, errors: [{ message: 'no answer', path: ['createReferral'], extensions: { code: 'OUTCOME_UNKNOWN' } }] })).toBe(false);
  });

  it('does not hold when one root field was answered, even with null (anonymous `me`)', () => {
    expect(isWhollyUnavailable({ data: { categories: [], node: null }, errors: [unavailable(['node'])] })).toBe(false);
    expect(isWhollyUnavailable({ data: { me: null, node: null }, errors: [unavailable(['node'])] })).toBe(false);
  });

  it('does not hold when a root field carries partial data', () => {
    expect(isWhollyUnavailable({ data: { townships: { nodes: [], totalCount: null } }, errors: [unavailable(['townships', 'totalCount'])] })).toBe(false);
  });

  it('does not hold once a mutation field completed, although non-null bubbling nulled data', () => {
    expect(isWhollyUnavailable({ data: null, errors: [unavailable(['second'])] }, new Set(['first']))).toBe(false);
  });
});
