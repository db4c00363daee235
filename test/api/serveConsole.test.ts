import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONSOLE_CSP, createConsoleHandler } from '../../src/api/serveConsole';

/** GET with the request target exactly as given: node:http sends `path` without normalising dot segments. */
function rawGet(base: string, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: Number(new URL(base).port), method: 'GET', path: target }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
/** The console's static serving: SPA fallback, cache headers, CSP, no escape from web/dist. */
describe('serveConsole', () => {
  let server: http.Server;
  let base: string;
  /** The request targets the server received, as sent (to prove a traversal case reached it un-normalised). */
  const received: string[] = [];
  const root = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>互助</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'robots.txt'), 'User-agent: *');
  writeFileSync(path.join(tmpdir(), 'outside-secret.txt'), 'secret');

  beforeAll(async () => {
    const serve = createConsoleHandler({ root });
    server = http.createServer((req, res) => {
      received.push(req.url ?? '');
      // The raw path, not URL's normalised pathname: the handler itself must refuse to leave its root.
      const pathname = (req.url ?? '/').split('?')[0] as string;
      if (!serve(req, res, pathname)) {
        res.statusCode = 405;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves index.html at / with the CSP and no caching', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('互助');
  });

  it('answers a screen path with the SPA (deep links and reloads work)', async () => {
    const res = await fetch(`${base}/households/hh_123/edit?x=1`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>互助</title>');
  });

  it('caches hashed assets for a year, immutable', async () => {
    const res = await fetch(`${base}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates other files, and 404s a missing asset instead of sending the app', async () => {
    expect((await fetch(`${base}/robots.txt`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${base}/assets/index-old999.js`)).status).toBe(404);
    expect((await fetch(`${base}/favicon.ico`)).status).toBe(404);
  });

  it('never serves a file outside its root, for paths sent exactly as written (fetch would normalise them first)', async () => {
    const cases = [
      '/../outside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/assets/../../outside-secret.txt',
      '/assets/%2e%2e/%2e%2e/outside-secret.txt',
      '/assets/..%2f..%2foutside-secret.txt',
      '/..%5coutside-secret.txt',
    ];
    for (const p of cases) {
      received.length = 0;
      const res = await rawGet(base, p);
      expect(received).toEqual([p]);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });

  it('leaves other methods to the caller', async () => {
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('says how to build it when web/dist is missing', async () => {
    const serve = createConsoleHandler({ root: path.join(root, 'nope') });
    const missing = http.createServer((req, res) => void serve(req, res, '/'));
    await new Promise<void>((resolve) => missing.listen(0, '127.0.0.1', resolve));
    const res = await fetch(`http://127.0.0.1:${(missing.address() as AddressInfo).port}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
    await new Promise<void>((resolve) => missing.close(() => resolve()));
  });
});
