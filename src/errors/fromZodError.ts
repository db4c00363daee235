import type { z } from 'zod';
import { HuzhuError } from './HuzhuError';

/**
 * Turns a zod failure into BAD_USER_INPUT whose path is the first issue's
 * path below `root` (e.g. ["input", "size"]); all issues travel in details.
 */
export function fromZodError(error: z.ZodError, root: ReadonlyArray<string | number> = []): HuzhuError {
  const issues = error.issues.map((issue) => ({
    path: [...root, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: issue.message,
    code: issue.code,
    ...reasonOf(issue),
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? first.path.join('.') : root.join('.') || 'input';
  return new HuzhuError('BAD_USER_INPUT', `${where}: ${first?.message ?? 'invalid input'}`, {
    path: first?.path ?? root,
    details: { ...(first ? { reason: first.reason, ...(first.params ? { params: first.params } : {}) } : {}), issues },
  });
}

/**
 * Why a value was refused, as a word a client can translate (the console
 * says it per field in the user's language; `message` stays English, for
 * support). A closed set, derived from the zod issue:
 */
export const INPUT_REASONS = [
  'required', // missing (undefined / null where a value is needed)
  'invalid_type', // a value of the wrong type
  'not_integer', // a number that must be whole
  'invalid_format', // a string that does not have the shape asked for (params.format: regex, date, email, …)
  'invalid_choice', // not one of the allowed values
  'too_short', // a string shorter than params.minimum characters (1: blank)
  'too_long', // a string longer than params.maximum characters
  'too_few', // a list with fewer than params.minimum items
  'too_many', // a list with more than params.maximum items
  'too_small', // a number below params.minimum
  'too_big', // a number above params.maximum
  'unknown_field', // a key the input does not have
  'invalid', // anything else (a rule of the domain: `message` says which)
] as const;
export type InputReason = (typeof INPUT_REASONS)[number];

/** Only numbers and short words from the issue travel as params: never the value sent, never a pattern. */
export interface InputReasonParams {
  minimum?: number;
  maximum?: number;
  format?: string;
}

export function reasonOf(issue: z.core.$ZodIssue): { reason: InputReason; params?: InputReasonParams } {
  const bound = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : undefined);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { reason: 'not_integer' };
      // zod 4 issues do not carry the input; its message ends with what was received.
      return { reason: /received (undefined|null)$/.test(issue.message) ? 'required' : 'invalid_type' };
    case 'invalid_format':
      return { reason: 'invalid_format', params: { format: issue.format } };
    case 'invalid_value':
      return { reason: 'invalid_choice' };
    case 'too_small': {
      const minimum = bound(issue.minimum);
      const params = minimum === undefined ? {} : { params: { minimum } };
      if (issue.origin === 'string') return { reason: 'too_short', ...params };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'too_few', ...params };
      return { reason: 'too_small', ...params };
    }
    case 'too_big': {
      const maximum = bound(issue.maximum);
      const params = maximum === undefined ? {} : { params: { maximum } };
      if (issue.origin === 'string') return { reason: 'too_long', ...params };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'too_many', ...params };
      return { reason: 'too_big', ...params };
    }
    case 'unrecognized_keys':
      return { reason: 'unknown_field' };
    default:
      return { reason: 'invalid' };
  }
}

/** Parse or throw BAD_USER_INPUT at `root`. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, root: ReadonlyArray<string | number>): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, root);
  return result.data;
}
