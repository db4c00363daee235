import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { Logger } from 'pino';
import { isHuzhuError } from '../errors/HuzhuError';
import type { GraphStore } from '../store/GraphStore';
import type { App } from './createApp';
import { ANONYMOUS, type Viewer } from './auth/Viewer';
import { PURPOSE_HEADER, resolvePurpose, type Purpose } from './auth/Purpose';
import type { RateDecision, RateLimiter } from './auth/createRateLimiter';
import { createConsoleHandler } from './serveConsole';
import { createHsdsHandler } from '../hsds/createHsdsHandler';
import type { SessionGate } from './session/createSessionGate';

export interface HttpOptions {
  app: App;
  store: GraphStore;
  log: Logger;
  /** Largest accepted request body, bytes. */
  maxBodyBytes?: number;
  /** Resolves the viewer from the Authorization header; throws UNAUTHENTICATED on a bad token. */
  resolveViewer?: (authorization: string | undefined) => Promise<Viewer | undefined>;
  /**
   * Requests per token subject, or per client address for anonymous callers and bad tokens;
   * a caller over its limit is answered 429 with Retry-After.
   */
  requestLimiter?: RateLimiter;
  /** Sign-in (src/api/session): the /auth/* routes and the session cookie; when given, it resolves the viewer (bearer tokens first). */
  sessions?: SessionGate;
  /** The built console served at / (default web/dist); see serveConsole.ts. */
  consoleRoot?: string;
}

const CORRELATION_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * Transport: POST/GET /graphql through Apollo, GET /healthz for probes.
 * Body size, authentication and rate limits are enforced here, before any
 * GraphQL work or store call.
 */
export function createHttpServer(options: HttpOptions): http.Server {
  const { app, store, log } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;

  const serveConsole = createConsoleHandler(options.consoleRoot === undefined ? {} : { root: options.consoleRoot });
  // The public HSDS 3.0 directory API (src/hsds): GET only, directory records only.
  const serveHsds = createHsdsHandler({ store });

  return http.createServer((req, res) => {
    const header = req.headers['x-request-id'];
    const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
    res.setHeader('x-correlation-id', correlationId);
    handle(req, res, correlationId).catch((error: unknown) => {
      log.error({ correlationId, err: { message: error instanceof Error ? error.message : String(error) } }, 'http handler failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: `Internal server error (correlation id ${correlationId})`, extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId } }] });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, correlationId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz' && req.method === 'GET') {
      try {
        await store.ping();
        // A seed that stopped part-way is "degraded", not down: the API answers (200), the data is partial.
        const seedRun = await store.getSeedRun();
        const seed = seedRun === null ? 'none' : seedRun.status === 'COMPLETE' ? 'complete' : 'incomplete';
        return sendJson(res, 200, { status: seed === 'incomplete' ? 'degraded' : 'ok', store: store.kind, seed });
      } catch {
        return sendJson(res, 503, { status: 'unavailable', store: store.kind });
      }
    }
    if (url.pathname.startsWith('/auth/') && options.sessions) return options.sessions.handleAuthRoute(req, res, correlationId);
    if (url.pathname === '/hsds' || url.pathname.startsWith('/hsds/')) {
      const counted = options.requestLimiter ? await options.requestLimiter.consume(`ip:${req.socket.remoteAddress ?? 'unknown'}`) : null;
      if (counted && !counted.allowed) return sendRateLimited(res, counted);
      return serveHsds(req, res, url);
    }
    // Everything else GET is the console (web/dist, SPA fallback): src/api/serveConsole.ts.
    if (url.pathname !== '/graphql' && !url.pathname.startsWith('/auth/') && !url.pathname.startsWith('/hsds/') && serveConsole(req, res, url.pathname)) return;
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found: the API is at /graphql' });

    // The client address is limited first: an address over its limit (anonymous requests and bad
    // tokens count against it) is refused before its token is even looked at.
    const limiter = options.requestLimiter;
    const addressKey = `ip:${req.socket.remoteAddress ?? 'unknown'}`;
    if (limiter) {
      const address = await limiter.peek(addressKey);
      if (!address.allowed) return sendRateLimited(res, address);
    }
    let viewer: Viewer | undefined;
    try {
      if (options.sessions) viewer = await options.sessions.resolveViewer(req, res);
      else viewer = options.resolveViewer ? await options.resolveViewer(req.headers.authorization) : undefined;
    } catch (error) {
      if (isHuzhuError(error)) {
        const counted = limiter ? await limiter.consume(addressKey) : null;
        if (counted && !counted.allowed) return sendRateLimited(res, counted);
        res.setHeader('cache-control', 'no-store');
        // FORBIDDEN: a cookie-authenticated write from another origin (CSRF check); else a bad token or session.
        return sendJson(res, error.code === 'FORBIDDEN' ? 403 : 401, { errors: [{ message: error.message, extensions: { code: error.code } }] });
      }
      throw error;
    }
    if (limiter) {
      const decision = await limiter.consume(viewer ? `sub:${viewer.subject}` : addressKey);
      if (!decision.allowed) return sendRateLimited(res, decision);
    }
    let purpose: Purpose;
    try {
      purpose = resolvePurpose(viewer ?? ANONYMOUS, req.headers[PURPOSE_HEADER]);
    } catch (error) {
      if (isHuzhuError(error)) {
        return sendJson(res, error.code === 'FORBIDDEN' ? 403 : 400, { errors: [{ message: error.message, extensions: { code: error.code } }] });
      }
      throw error;
    }

    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      if (raw === null) {
        return sendJson(res, 413, { errors: [{ message: `request body larger than ${maxBodyBytes} bytes`, extensions: { code: 'BAD_USER_INPUT' } }] });
      }
      const type = req.headers['content-type'] ?? '';
      if (type.startsWith('application/json')) {
        try {
          body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        }
      } else {
        body = raw.toString('utf8');
      }
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await app.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: async () => app.contextFor({ ...(viewer ? { viewer } : {}), correlationId, purpose }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader('cache-control', 'no-store'); // answers carry personal data; never cached (team contract)
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** The body, or null when it exceeds the limit (the rest is drained, not buffered). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendRateLimited(res: http.ServerResponse, decision: Extract<RateDecision, { allowed: false }>): void {
  const seconds = decision.retryAfterSeconds;
  res.setHeader('retry-after', String(seconds));
  sendJson(res, 429, {
    errors: [{ message: `请求过于频繁，请 ${seconds} 秒后重试 (rate limit exceeded: slow down and retry after ${seconds} s)`, extensions: { code: 'RATE_LIMITED' } }],
  });
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payload));
}
