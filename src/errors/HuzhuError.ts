/**
 * The closed set of error codes Huzhu reports. Every failure a client can see
 * carries exactly one of these; anything else is an internal error, logged
 * with a correlation id and masked (src/api/formatError.ts).
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'CAPACITY_EXHAUSTED',
  'INVALID_TRANSITION',
  'CONSENT_REQUIRED',
  'RATE_LIMITED',
  /** Nothing was done (the database could not be reached, or a read ran out of time): retry later. */
  'UNAVAILABLE',
  /**
   * A write was sent but no answer came back (a timeout or a lost connection
   * after the commit was asked for): it may or may not have been stored.
   * Retry with the same idempotency key, which returns the first result if it
   * was stored and writes once if it was not.
   */
  'OUTCOME_UNKNOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface HuzhuErrorOptions {
  /** Where in the input the problem is, e.g. ["input", "size"]. */
  path?: ReadonlyArray<string | number>;
  /** Extra, non-sensitive facts a client can act on (e.g. the existing id on CONFLICT). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class HuzhuError extends Error {
  override readonly name = 'HuzhuError';
  readonly code: ErrorCode;
  readonly path: ReadonlyArray<string | number>;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: HuzhuErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path ?? [];
    this.details = options.details ?? {};
  }
}

export function isHuzhuError(value: unknown): value is HuzhuError {
  return value instanceof HuzhuError;
}

export const badInput = (message: string, path: ReadonlyArray<string | number>, details?: Record<string, unknown>) =>
  new HuzhuError('BAD_USER_INPUT', message, { path, ...(details ? { details } : {}) });

export const notFound = (kind: string, id: string, path: ReadonlyArray<string | number> = []) =>
  new HuzhuError('NOT_FOUND', `${kind} ${JSON.stringify(id)} was not found`, { path, details: { kind, id } });

/**
 * The store reports paths relative to the record (["villageId"]); a use case
 * that built the record from an argument re-roots them (["input", "villageId"]).
 */
export async function underInput<T>(root: ReadonlyArray<string | number>, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isHuzhuError(error) && error.path.length > 0 && error.path[0] !== root[0]) {
      throw new HuzhuError(error.code, `${[...root, ...error.path].join('.')}: ${error.message}`, {
        path: [...root, ...error.path],
        details: error.details,
        cause: error,
      });
    }
    throw error;
  }
}
