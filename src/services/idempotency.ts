import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { IdempotencyClaim } from '../store/GraphStore';

/**
 * A client-chosen key (e.g. a UUID) on a mutation it may retry: after an
 * OUTCOME_UNKNOWN or a lost answer, the same request with the same key
 * returns the first result and writes nothing new; the same key with other
 * input is a CONFLICT (issue 10 item 5).
 */
export const IdempotencyKey = z.string().min(8, { message: 'must be at least 8 characters (e.g. a UUID)' }).max(200, { message: 'must be at most 200 characters' });

/** The store's claim for an optional key (undefined without one): the key, the use case, the digest of its input. */
export function idempotencyClaim(operation: string, key: string | null | undefined, input: unknown): IdempotencyClaim | undefined {
  if (key === null || key === undefined) return undefined;
  return { key, operation, fingerprint: idempotencyFingerprint(operation, input) };
}

/**
 * A digest of a request's parsed input (without its idempotency key), so the
 * store can tell a retry of the same request (same digest) from a key reused
 * for a different one (CONFLICT). Object keys are sorted, so the order fields
 * arrive in does not matter; absent and null are the same (the inputs'
 * parsers turn one into the other). Only the digest is stored, never the input.
 */
export function idempotencyFingerprint(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\u0000').update(canonicalJson(input)).digest('hex');
}

// Private:

function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
