/**
 * The console's one error type. Every failure the API (GraphQL or /auth/*) or
 * the network can produce becomes an ApiError with a stable code; screens
 * show `errors.<code>` from the message catalogue plus the code (for support),
 * never a raw server message alone. Pure: no DOM, no fetch (unit-tested).
 */
export const KNOWN_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'CAPACITY_EXHAUSTED',
  'INVALID_TRANSITION',
  'CONSENT_REQUIRED',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'OUTCOME_UNKNOWN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
  'UNKNOWN',
] as const;
export type ApiErrorCode = (typeof KNOWN_CODES)[number];

/** One problem reported by the API, at a place in the input when fieldPath is set. */
export interface ApiIssue {
  code: ApiErrorCode;
  /** The server's own words (English, for support and as detail). */
  message: string;
  /** Where in the arguments, as the API reports it: ["input", "head", "phone"]. */
  fieldPath: readonly (string | number)[];
  /**
   * Why the value was refused, when the API says (BAD_USER_INPUT's
   * `extensions.reason` / `extensions.issues[].reason`: required,
   * invalid_format, too_short, …): the console says it in the user's
   * language (fieldErrorMessage.ts); absent on older servers and other codes.
   */
  reason?: string;
  /** Numbers and short words about the reason (minimum, maximum, format). */
  params?: Readonly<Record<string, string | number>>;
}

export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  issues?: readonly ApiIssue[];
  status?: number;
  correlationId?: string | null;
  retryAfterSeconds?: number | null;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly issues: readonly ApiIssue[];
  readonly status: number;
  readonly correlationId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.code = init.code;
    this.issues = init.issues ?? [{ code: init.code, message: init.message, fieldPath: [] }];
    this.status = init.status ?? 0;
    this.correlationId = init.correlationId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** The request may have failed for a passing reason: offer to try again (the same idempotency key). */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  /** Issues that point into the input (a form field can show them). */
  get fieldIssues(): readonly ApiIssue[] {
    return this.issues.filter((i) => i.fieldPath.length > 0);
  }
}

const RETRYABLE: ReadonlySet<ApiErrorCode> = new Set(['UNAVAILABLE', 'OUTCOME_UNKNOWN', 'NETWORK', 'RATE_LIMITED']);

/** The result may or may not have been written: a retry must reuse the submission's idempotency key. */
export function keepsIdempotencyKey(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'OUTCOME_UNKNOWN' || error.code === 'UNAVAILABLE' || error.code === 'NETWORK');
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export function toCode(value: unknown): ApiErrorCode {
  return typeof value === 'string' && (KNOWN_CODES as readonly string[]).includes(value) ? (value as ApiErrorCode) : 'UNKNOWN';
}

/** Severity order: the code that decides what the screen does when several errors came back. */
const PRIORITY: readonly ApiErrorCode[] = ['UNAUTHENTICATED', 'OUTCOME_UNKNOWN', 'UNAVAILABLE', 'RATE_LIMITED', 'FORBIDDEN'];

function statusCode(status: number): ApiErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 423) return 'ACCOUNT_LOCKED';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  if (status >= 500) return 'INTERNAL_SERVER_ERROR';
  if (status === 400) return 'BAD_USER_INPUT';
  return 'UNKNOWN';
}

function parseRetryAfter(header: string | null | undefined): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function fieldPathOf(value: unknown): (string | number)[] {
  if (Array.isArray(value)) return value.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  if (typeof value === 'string' && value.length > 0) return value.split('.');
  return [];
}

interface RawGraphQLError {
  message?: unknown;
  extensions?: { code?: unknown; fieldPath?: unknown; correlationId?: unknown; reason?: unknown; params?: unknown; issues?: unknown };
}

function paramsOf(value: unknown): Record<string, string | number> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Object.entries(value as Record<string, unknown>).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function withReason(issue: ApiIssue, reason: unknown, params: unknown): ApiIssue {
  const p = paramsOf(params);
  return { ...issue, ...(typeof reason === 'string' && reason.length > 0 ? { reason } : {}), ...(p ? { params: p } : {}) };
}

/**
 * One GraphQL error as issues: a BAD_USER_INPUT that lists every field that
 * failed (`extensions.issues[]` with path, reason, message) gives one issue
 * per field; anything else one issue at `extensions.fieldPath`.
 */
function issuesOf(e: RawGraphQLError, status: number): ApiIssue[] {
  const code = e.extensions?.code === undefined ? statusCode(status) : toCode(e.extensions.code);
  const message = typeof e.message === 'string' ? e.message : '';
  const listed = Array.isArray(e.extensions?.issues) ? (e.extensions.issues as unknown[]) : [];
  const perField = listed.flatMap((raw): ApiIssue[] => {
    if (raw === null || typeof raw !== 'object') return [];
    const item = raw as { path?: unknown; message?: unknown; reason?: unknown; params?: unknown };
    const fieldPath = fieldPathOf(item.path);
    if (fieldPath.length === 0) return [];
    return [withReason({ code, message: typeof item.message === 'string' ? item.message : message, fieldPath }, item.reason, item.params)];
  });
  if (code === 'BAD_USER_INPUT' && perField.length > 0) return perField;
  return [withReason({ code, message, fieldPath: fieldPathOf(e.extensions?.fieldPath) }, e.extensions?.reason, e.extensions?.params)];
}

/**
 * The error in an HTTP answer from /graphql or /auth/*, or null when it is a
 * success. GraphQL errors (`errors[]`, with `extensions.code` / `fieldPath`)
 * and the /auth shape (`{ error: { code, message } }`) are both read.
 */
export function errorFromResponse(status: number, body: unknown, headers: { retryAfter?: string | null; correlationId?: string | null } = {}): ApiError | null {
  const retryAfterSeconds = parseRetryAfter(headers.retryAfter);
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const rawErrors = Array.isArray(record['errors']) ? (record['errors'] as RawGraphQLError[]) : [];
  let correlationId = headers.correlationId ?? null;

  if (rawErrors.length > 0) {
    const issues: ApiIssue[] = rawErrors.flatMap((e) => {
      const id = e.extensions?.correlationId;
      if (typeof id === 'string') correlationId = id;
      return issuesOf(e, status);
    });
    const code = PRIORITY.find((c) => issues.some((i) => i.code === c)) ?? issues[0]!.code;
    return new ApiError({ code, message: issues.map((i) => i.message).join('; '), issues, status, correlationId, retryAfterSeconds });
  }

  const single = record['error'];
  if (single !== null && typeof single === 'object') {
    const e = single as { code?: unknown; message?: unknown; fieldPath?: unknown };
    const code = e.code === undefined ? statusCode(status) : toCode(e.code);
    const message = typeof e.message === 'string' ? e.message : code;
    return new ApiError({ code, message, issues: [{ code, message, fieldPath: fieldPathOf(e.fieldPath) }], status, correlationId, retryAfterSeconds });
  }

  if (status >= 400 || status === 0) {
    const code = statusCode(status);
    return new ApiError({ code, message: `HTTP ${status}`, status, correlationId, retryAfterSeconds });
  }
  if (!('data' in record) && !('account' in record) && status !== 204) {
    return new ApiError({ code: 'UNKNOWN', message: 'the server sent an answer the console cannot read', status, correlationId });
  }
  return null;
}
