/**
 * HTTP helpers for the sign-in tests: the server's origin, POST /auth/login
 * as the console sends it (JSON, same Origin), and requests carrying the
 * session cookie. Every response body is kept in `seen` so a test can assert
 * that no password or hash ever left the server.
 */
import type { TestServer } from './testServer';

export interface AuthResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | null;
  text: string;
}

export interface SignInClient {
  origin: string;
  /** Every response text received so far (bodies and Set-Cookie headers). */
  seen: string[];
  login(login: string, password: string, headers?: Record<string, string>): Promise<AuthResponse>;
  logout(cookie: string | null, headers?: Record<string, string>): Promise<AuthResponse>;
  session(cookie: string | null): Promise<AuthResponse>;
  /** POST /graphql with the cookie (and the same Origin unless headers say otherwise). */
  gql(cookie: string | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<AuthResponse>;
}

export function signInClient(server: TestServer): SignInClient {
  const origin = new URL(server.url).origin;
  const seen: string[] = [];
  async function send(path: string, init: RequestInit): Promise<AuthResponse> {
    const res = await fetch(`${origin}${path}`, init);
    const text = await res.text();
    seen.push(text, res.headers.get('set-cookie') ?? '');
    let body: Record<string, unknown> | null = null;
    try {
      body = text === '' ? null : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      body = null;
    }
    return { status: res.status, headers: res.headers, body, text };
  }
  const cookieHeader = (cookie: string | null): Record<string, string> => (cookie === null ? {} : { cookie });
  return {
    origin,
    seen,
    login: (login, password, headers = {}) =>
      send('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin, ...headers }, body: JSON.stringify({ login, password }) }),
    logout: (cookie, headers = {}) => send('/auth/logout', { method: 'POST', headers: { origin, ...cookieHeader(cookie), ...headers } }),
    session: (cookie) => send('/auth/session', { method: 'GET', headers: cookieHeader(cookie) }),
    gql: (cookie, query, variables = {}, headers = {}) =>
      send('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, ...cookieHeader(cookie), ...headers },
        body: JSON.stringify({ query, variables }),
      }),
  };
}

/** The `name=value` pair of a Set-Cookie header, to send back as a Cookie header. */
export function cookieFrom(response: AuthResponse): string {
  const header = response.headers.get('set-cookie');
  if (header === null) throw new Error(`signIn: no Set-Cookie in a ${response.status} answer: ${response.text.slice(0, 200)}`);
  return header.split(';')[0] as string;
}

export function errorCode(response: AuthResponse): unknown {
  const error = response.body?.['error'] as { code?: unknown } | undefined;
  if (error !== undefined) return error.code;
  const errors = response.body?.['errors'] as Array<{ extensions?: { code?: unknown } }> | undefined;
  return errors?.[0]?.extensions?.code;
}
