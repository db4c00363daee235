import { Account } from './account';
import { ApiError, errorFromResponse } from './apiError';
import { notifyApiError } from './apiEvents';

/** The sign-in endpoints (team contract: POST /auth/login, POST /auth/logout, GET /auth/session). */
async function call(path: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    throw new ApiError({ code: 'NETWORK', message: cause instanceof Error ? cause.message : 'network error' });
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  const error = errorFromResponse(response.status, response.status === 204 ? { data: null } : body, {
    retryAfter: response.headers.get('retry-after'),
    correlationId: response.headers.get('x-correlation-id'),
  });
  if (error) throw error;
  return { status: response.status, body };
}

function accountOf(body: unknown): Account {
  const parsed = Account.safeParse((body as { account?: unknown } | null)?.account);
  if (!parsed.success) throw new ApiError({ code: 'UNKNOWN', message: 'the sign-in answer had no readable account' });
  return parsed.data;
}

export async function login(loginName: string, password: string): Promise<Account> {
  const { body } = await call('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, password }),
  });
  return accountOf(body);
}

export async function logout(): Promise<void> {
  try {
    await call('/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  } catch (error) {
    // Already signed out is signed out.
    if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) throw notifyApiError(error as ApiError);
  }
}

/** The signed-in account, or null when there is no (valid) session. */
export async function currentSession(): Promise<Account | null> {
  try {
    const { body } = await call('/auth/session', { method: 'GET' });
    return accountOf(body);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.status === 404)) return null;
    throw error;
  }
}
