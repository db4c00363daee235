import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config/config';
import { createApp } from '../../src/api/createApp';
import { createHttpServer } from '../../src/api/httpServer';
import { createLogger } from '../../src/api/logger';
import { createAccessControl } from '../../src/api/auth/createAccessControl';
import { issueToken, type TokenClaims } from '../../src/api/auth/tokens';
import { jwtSecret } from '../../src/api/auth/jwtSecret';
import type { GraphStore } from '../../src/store/GraphStore';
import { createSessionGate } from '../../src/api/session/createSessionGate';
import { cheapHasher } from './cheapHasher';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  headers: Headers;
}

export interface TestServer {
  url: string;
  config: Config;
  /** Every log line the server wrote (to assert that no personal data leaks). */
  logs: string[];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  token(claims: TokenClaims): Promise<string>;
  stop(): Promise<void>;
}

const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** Starts the real HTTP server on a free loopback port over the given store. */
export async function startTestServer(store: GraphStore, env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', JWT_SECRET: TEST_SECRET, DATA_DIR: '.data/test', ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const log = createLogger(config, sink);
  const app = createApp({ config, store, log });
  await app.server.start();
  const access = await createAccessControl(config, log);
  const { secret } = jwtSecret(config);
  // Sign-in as in production, with a cheap argon2id cost so tests that create accounts stay quick.
  const sessions = createSessionGate({ config, store, log, secret, resolveBearer: access.resolveViewer, hasher: cheapHasher() });
  const http = createHttpServer({ app, store, log, resolveViewer: access.resolveViewer, requestLimiter: access.requestLimiter, sessions });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  return {
    url,
    config,
    logs,
    async gql(query, variables, token) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let json: { data?: never; errors?: never } = {};
      try {
        json = JSON.parse(text) as typeof json;
      } catch {
        throw new Error(`testServer: non-JSON response ${res.status}: ${text.slice(0, 200)}`);
      }
      return { status: res.status, headers: res.headers, ...(json.data !== undefined ? { data: json.data } : {}), ...(json.errors ? { errors: json.errors } : {}) };
    },
    token: (claims) => issueToken(secret, claims),
    async stop() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await app.server.stop();
    },
  };
}
