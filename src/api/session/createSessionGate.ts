import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../../config/config';
import { publicAccount, type AccountRecord, type AccountRole } from '../../domain/Account';
import { HuzhuError, isHuzhuError } from '../../errors/HuzhuError';
import { DEFAULT_LOCK_POLICY, accountForSession, signIn, signOut, type LockPolicy } from '../../services/accounts';
import { defaultPasswordHasher } from '../../services/defaultPasswordHasher';
import type { PasswordHasher } from '../../services/passwordHasher';
import type { GraphStore } from '../../store/GraphStore';
import { createRateLimiter } from '../auth/createRateLimiter';
import { Viewer, type Role } from '../auth/Viewer';
import { isSameOrigin } from './isSameOrigin';
import { clearedSessionCookie, readSessionCookie, sessionCookie } from './sessionCookie';
import { issueSessionToken, looksLikeSessionToken, readSessionToken } from './sessionToken';

/**
 * Sign-in for the console (issue 11; the team sheet's sign-in contract):
 * `POST /auth/login`, `POST /auth/logout`, `GET /auth/session`, and the
 * viewer of every /graphql request — a bearer token first (a session token
 * or a claims token from `npm run token`), else the session cookie.
 *
 * A session names an account and the account's session generation; the
 * viewer is built from the stored account on each request, so disabling an
 * account, changing its role or scope, or signing out takes effect at the
 * next request on every API instance. Cookie-authenticated writes must come
 * from the server's own origin (isSameOrigin), on top of Apollo's
 * csrfPrevention, and no CORS header is ever sent.
 */
export interface SessionGate {
  /** The viewer of a /graphql request; throws UNAUTHENTICATED (a bad token or session) or FORBIDDEN (a cross-origin cookie write). */
  resolveViewer(req: IncomingMessage, res: ServerResponse): Promise<Viewer | undefined>;
  /** Answers a request under /auth/. */
  handleAuthRoute(req: IncomingMessage, res: ServerResponse, correlationId: string): Promise<void>;
}

export interface SessionGateOptions {
  config: Config;
  store: GraphStore;
  log: Logger;
  secret: Uint8Array;
  /** Bearer tokens that are not sessions (src/api/auth/createAccessControl.ts). */
  resolveBearer: (authorization: string | undefined) => Promise<Viewer | undefined>;
  /** Default: argon2id at OWASP's parameters. Tests may pass a cheaper one. */
  hasher?: PasswordHasher;
  now?: () => Date;
}

/** Account roles are exactly the signed-in roles of a Viewer (a compile error here means one side changed). */
type SignedInRole = Exclude<Role, 'ANONYMOUS'>;
export const ACCOUNT_ROLES_ARE_VIEWER_ROLES: [SignedInRole] extends [AccountRole] ? ([AccountRole] extends [SignedInRole] ? true : never) : never = true;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_LOGIN_BODY = 10_000;
const LOGIN_WINDOW_SECONDS = 15 * 60;

const LoginBody = z
  .object({
    login: z.string({ message: 'must be a string (请输入登录名)' }).min(1, { message: 'must not be empty (请输入登录名)' }).max(200),
    password: z.string({ message: 'must be a string (请输入密码)' }).min(1, { message: 'must not be empty (请输入密码)' }).max(1000),
  })
  .strict();

export function createSessionGate(options: SessionGateOptions): SessionGate {
  const { config, store, log, secret } = options;
  const now = options.now ?? (() => new Date());
  const hasher = options.hasher ?? defaultPasswordHasher();
  const secure = config.COOKIE_SECURE ?? config.NODE_ENV === 'production';
  const policy: LockPolicy = { lockAfter: DEFAULT_LOCK_POLICY.lockAfter, lockMinutes: config.LOGIN_LOCK_MINUTES };
  const limits = {
    address: createRateLimiter({ points: config.LOGIN_FAILURES_PER_ADDRESS, durationSec: LOGIN_WINDOW_SECONDS, keyPrefix: 'login-address' }),
    account: createRateLimiter({ points: config.LOGIN_FAILURES_PER_ACCOUNT, durationSec: LOGIN_WINDOW_SECONDS, keyPrefix: 'login-account' }),
  };
  const ctx = { store, now, hasher };

  /** The account of a session token, or UNAUTHENTICATED when it is invalid, expired or ended. */
  async function accountOf(token: string): Promise<AccountRecord> {
    const claims = await readSessionToken(secret, token);
    const account = await accountForSession(ctx, claims.accountId, claims.generation);
    if (account === null) {
      throw new HuzhuError('UNAUTHENTICATED', '登录已结束，请重新登录 (the session has ended: signed out, disabled or replaced; sign in again)');
    }
    return account;
  }

  /** The session token of a request: a bearer session token, else the cookie. */
  function sessionTokenOf(req: IncomingMessage): { token: string; from: 'bearer' | 'cookie' } | null {
    const bearer = /^Bearer ([A-Za-z0-9._-]{10,4096})$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined && looksLikeSessionToken(bearer)) return { token: bearer, from: 'bearer' };
    const cookie = readSessionCookie(req.headers.cookie, secure);
    return cookie === null ? null : { token: cookie, from: 'cookie' };
  }

  async function login(req: IncomingMessage, res: ServerResponse, correlationId: string): Promise<void> {
    const raw = await readJsonBody(req);
    if (raw.kind !== 'ok') return sendError(res, 400, 'BAD_USER_INPUT', raw.message);
    const parsed = LoginBody.safeParse(raw.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || 'body';
      return sendError(res, 400, 'BAD_USER_INPUT', `${field}: ${issue?.message ?? 'invalid'}`, { fieldPath: field });
    }
    const addressKey = req.socket.remoteAddress ?? 'unknown';
    const accountKey = parsed.data.login.trim().toLowerCase();
    // Once an address or a login name has used up its failures in the window, no attempt is checked at all.
    for (const decision of [await limits.address.peek(addressKey), await limits.account.peek(accountKey)]) {
      if (!decision.allowed) return sendRateLimited(res, decision.retryAfterSeconds);
      if (decision.remaining === 0) return sendRateLimited(res, LOGIN_WINDOW_SECONDS);
    }
    const refuseDemoAccounts = config.NODE_ENV === 'production';
    const outcome = await signIn(ctx, { login: parsed.data.login, password: parsed.data.password, correlationId, refuseDemoAccounts }, policy);
    switch (outcome.kind) {
      case 'SIGNED_IN': {
        await limits.account.reset(accountKey);
        const token = await issueSessionToken(secret, { accountId: outcome.account.id, generation: outcome.account.sessionGeneration }, config.SESSION_TTL_SECONDS);
        res.setHeader('set-cookie', sessionCookie(token, secure, config.SESSION_TTL_SECONDS));
        log.info({ correlationId, accountId: outcome.account.id }, 'signed in');
        return sendJson(res, 200, { account: publicAccount(outcome.account) });
      }
      case 'INVALID_CREDENTIALS': {
        const byAddress = await limits.address.consume(addressKey);
        const byAccount = await limits.account.consume(accountKey);
        log.info({ correlationId, accountId: outcome.account?.id ?? null }, 'sign-in failed');
        if (!byAddress.allowed) return sendRateLimited(res, byAddress.retryAfterSeconds);
        if (!byAccount.allowed) return sendRateLimited(res, byAccount.retryAfterSeconds);
        // An unknown login locks by the same rule as a real one (signIn counts both in the store).
        return sendError(res, 401, 'INVALID_CREDENTIALS', '登录名或密码不正确 (the login or password is wrong; check both and try again)');
      }
      case 'LOCKED': {
        const byAddress = await limits.address.consume(addressKey);
        await limits.account.consume(accountKey);
        log.info({ correlationId, accountId: outcome.account?.id ?? null }, 'sign-in refused: account locked');
        if (!byAddress.allowed) return sendRateLimited(res, byAddress.retryAfterSeconds);
        return sendLocked(res, policy);
      }
      default: {
        const never: never = outcome;
        throw new Error(`api/session: unexpected sign-in outcome ${JSON.stringify(never)}`);
      }
    }
  }

  async function logout(req: IncomingMessage, res: ServerResponse, correlationId: string): Promise<void> {
    req.resume(); // a body, if any, means nothing here
    const session = sessionTokenOf(req);
    if (session !== null) {
      try {
        const account = await accountOf(session.token);
        await signOut(ctx, account.id, correlationId);
        log.info({ correlationId, accountId: account.id }, 'signed out');
      } catch (error) {
        if (!isHuzhuError(error) || error.code !== 'UNAUTHENTICATED') throw error; // an ended session is already signed out
      }
    }
    res.setHeader('set-cookie', clearedSessionCookie(secure));
    res.statusCode = 204;
    res.end();
  }

  async function session(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const found = sessionTokenOf(req);
    if (found === null) return sendError(res, 401, 'UNAUTHENTICATED', '未登录 (not signed in)');
    try {
      return sendJson(res, 200, { account: publicAccount(await accountOf(found.token)) });
    } catch (error) {
      if (!isHuzhuError(error) || error.code !== 'UNAUTHENTICATED') throw error;
      if (found.from === 'cookie') res.setHeader('set-cookie', clearedSessionCookie(secure));
      return sendError(res, 401, 'UNAUTHENTICATED', error.message);
    }
  }

  return {
    async resolveViewer(req, res) {
      const authorization = req.headers.authorization;
      if (authorization !== undefined && authorization !== '') {
        const found = sessionTokenOf(req);
        // A bearer token wins over the cookie; one that is not a session goes to the claims-token check.
        if (found === null || found.from !== 'bearer') return options.resolveBearer(authorization);
        return viewerOf(await accountOf(found.token));
      }
      const cookie = readSessionCookie(req.headers.cookie, secure);
      if (cookie === null) return undefined;
      if (!SAFE_METHODS.has((req.method ?? 'GET').toUpperCase()) && !isSameOrigin(req, config.PUBLIC_ORIGIN)) throw crossOrigin();
      try {
        return viewerOf(await accountOf(cookie));
      } catch (error) {
        if (isHuzhuError(error) && error.code === 'UNAUTHENTICATED') res.setHeader('set-cookie', clearedSessionCookie(secure));
        throw error;
      }
    },

    async handleAuthRoute(req, res, correlationId) {
      res.setHeader('cache-control', 'no-store');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const method = (req.method ?? 'GET').toUpperCase();
      const routes: Record<string, { method: string; run: () => Promise<void> }> = {
        '/auth/login': { method: 'POST', run: () => login(req, res, correlationId) },
        '/auth/logout': { method: 'POST', run: () => logout(req, res, correlationId) },
        '/auth/session': { method: 'GET', run: () => session(req, res) },
      };
      const route = routes[path];
      if (route === undefined) return sendError(res, 404, 'NOT_FOUND', `no such sign-in route ${path.slice(0, 100)}: use POST /auth/login, POST /auth/logout or GET /auth/session`);
      if (method !== route.method) {
        res.setHeader('allow', route.method);
        return sendError(res, 405, 'BAD_REQUEST', `${path} takes ${route.method}, not ${method.slice(0, 10)}`);
      }
      if (method === 'POST' && !isSameOrigin(req, config.PUBLIC_ORIGIN)) {
        const refused = crossOrigin();
        return sendError(res, 403, refused.code, refused.message);
      }
      return route.run();
    },
  };
}

// Private:

function viewerOf(account: AccountRecord): Viewer {
  return Viewer.parse({
    subject: account.id,
    role: account.role,
    townshipIds: account.townshipIds,
    villageIds: account.villageIds,
    organizationId: account.organizationId,
    personId: account.role === 'CREDIT_OFFICER' ? (account.personId ?? null) : null,
  });
}

function crossOrigin(): HuzhuError {
  return new HuzhuError(
    'FORBIDDEN',
    '请求来源与本站不一致，已拒绝 (a request with the session cookie must come from this server\'s own origin; scripts should use a bearer token)',
  );
}

type JsonBody = { kind: 'ok'; value: unknown } | { kind: 'bad'; message: string };

async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    req.resume();
    return { kind: 'bad', message: 'the body must be JSON (Content-Type: application/json) with "login" and "password"' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_LOGIN_BODY) return { kind: 'bad', message: `the body is larger than ${MAX_LOGIN_BODY} bytes` };
    chunks.push(chunk);
  }
  try {
    return { kind: 'ok', value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { kind: 'bad', message: 'the body is not valid JSON' };
  }
}

function sendLocked(res: ServerResponse, policy: LockPolicy): void {
  sendError(
    res,
    423,
    'ACCOUNT_LOCKED',
    `账号已锁定：连续 ${policy.lockAfter} 次密码错误。请 ${policy.lockMinutes} 分钟后再试，或请管理员解锁 (the account is locked after ${policy.lockAfter} wrong passwords in a row: try again in ${policy.lockMinutes} minutes or ask an administrator to unlock it)`,
  );
}

function sendRateLimited(res: ServerResponse, retryAfterSeconds: number): void {
  res.setHeader('retry-after', String(retryAfterSeconds));
  sendError(res, 429, 'RATE_LIMITED', `尝试次数过多，请 ${retryAfterSeconds} 秒后再试 (too many failed sign-ins: wait ${retryAfterSeconds} s and try again)`);
}

function sendError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  sendJson(res, status, { error: { code, message, ...extra } });
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(payload));
}
