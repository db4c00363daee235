import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp } from '../../../src/api/createApp';
import { createAccessControl } from '../../../src/api/auth/createAccessControl';
import { jwtSecret } from '../../../src/api/auth/jwtSecret';
import { createHttpServer } from '../../../src/api/httpServer';
import { createLogger } from '../../../src/api/logger';
import { createSessionGate } from '../../../src/api/session/createSessionGate';
import { loadConfig } from '../../../src/config/config';
import { seedStore } from '../../../src/seed/seedStore';
import { startAlertScanner, type AlertScanner } from '../../../src/services/alerts/startAlertScanner';
import { ensureDemoAccounts } from '../../../src/services/demoAccounts';
import { MemoryStore } from '../../../src/store/memory/MemoryStore';
import { DEMO_PASSWORD } from './e2eEnv';
import { cheapHasher } from '../../support/cheapHasher';

/**
 * A Huzhu whose clock a spec moves (issue 15 item 5: a referral goes overdue
 * after 24 hours at the earliest; no spec waits a day). Started in the spec's
 * process exactly as main.ts wires it — createApp, the session gate, the HTTP
 * server serving the built console (web/dist, built by the suite's web
 * server), the alert scanner — over an in-memory store with a small synthetic
 * seed and the development demo accounts, every part on the same movable
 * clock. Nothing else differs from a real start, and no production code has
 * a clock switch.
 */
export class ClockedServer {
  #offsetMs = 0;
  readonly now = (): Date => new Date(Date.now() + this.#offsetMs);

  private constructor(
    readonly baseURL: string,
    readonly scanner: AlertScanner,
    private readonly stopAll: () => Promise<void>,
  ) {}

  static async start(): Promise<ClockedServer> {
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'warn', JWT_SECRET: 'clocked-server-secret-of-at-least-32-characters', DATA_DIR: '.data/e2e-clocked', ALERT_SCAN_INTERVAL_SECONDS: '3600' });
    const log = createLogger(config, new Writable({ write: (_chunk, _enc, done) => done() }));
    const store = new MemoryStore({ dataDir: null });
    await store.init();
    await seedStore(store, { households: 20, seed: 5 });
    const holder: { server?: ClockedServer } = {};
    const now = () => holder.server?.now() ?? new Date();
    const hasher = cheapHasher();
    await ensureDemoAccounts({ store, now, hasher }, { password: DEMO_PASSWORD, correlationId: 'clocked-server' });
    const app = createApp({ config, store, log, now });
    await app.server.start();
    const access = await createAccessControl(config, log);
    const sessions = createSessionGate({ config, store, log, secret: jwtSecret(config).secret, resolveBearer: access.resolveViewer, hasher, now });
    const http = createHttpServer({ app, store, log, resolveViewer: access.resolveViewer, requestLimiter: access.requestLimiter, sessions });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const scanner = startAlertScanner({ store, now }, { intervalMs: config.ALERT_SCAN_INTERVAL_SECONDS * 1000, sinks: [], log });
    const server = new ClockedServer(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, scanner, async () => {
      await scanner.stop();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await app.server.stop();
      await store.close();
    });
    holder.server = server;
    return server;
  }

  /** Moves this server's clock forward (every part of it reads the same clock). */
  advanceHours(hours: number): void {
    this.#offsetMs += hours * 3_600_000;
  }

  stop(): Promise<void> {
    return this.stopAll();
  }
}
