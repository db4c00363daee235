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
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? first.path.join('.') : root.join('.') || 'input';
  return new HuzhuError('BAD_USER_INPUT', `${where}: ${first?.message ?? 'invalid input'}`, {
    path: first?.path ?? root,
    details: { issues },
  });
}

/** Parse or throw BAD_USER_INPUT at `root`. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, root: ReadonlyArray<string | number>): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, root);
  return result.data;
}
