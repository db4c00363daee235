import { createReadStream, existsSync, statSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { repoPath } from '../repoPath';

/** The console's Content-Security-Policy (team contract): nothing from any other host. */
export const CONSOLE_CSP = "default-src 'self'; worker-src 'self' blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'";

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ConsoleOptions {
  /** The built console (default: web/dist of the repository). */
  root?: string;
}

/**
 * GET/HEAD for everything that is not the API: files of web/dist, and for any
 * other path that looks like a screen (no file extension) the SPA's
 * index.html. Hashed assets (/assets/*) are cached for a year, immutable;
 * index.html is never cached, so a new build is picked up at once. Every
 * answer carries the console's CSP. Returns false when the request is not
 * the console's (another method), so the caller can answer it.
 */
export function createConsoleHandler(options: ConsoleOptions = {}) {
  const root = path.resolve(options.root ?? repoPath('web', 'dist'));
  const index = path.join(root, 'index.html');

  return function serveConsole(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    res.setHeader('content-security-policy', CONSOLE_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    res.setHeader('x-frame-options', 'DENY');

    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad path');
    }
    const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');

    if (decoded !== '/' && isFile(file)) {
      const hashed = decoded.startsWith('/assets/');
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      return stream(req, res, file);
    }
    // A missing asset is a 404, not the app (a stale tab asking for an old chunk must fail visibly).
    if (path.extname(decoded) !== '' || decoded.startsWith('/assets/')) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    if (!isFile(index)) {
      return send(res, 503, 'text/plain; charset=utf-8', '互助控制台尚未构建：请运行 npm run build。The console is not built: run npm run build (web/dist is missing).');
    }
    res.setHeader('cache-control', 'no-cache');
    return stream(req, res, index);
  };
}

function isFile(file: string): boolean {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

function stream(req: http.IncomingMessage, res: http.ServerResponse, file: string): true {
  res.statusCode = 200;
  res.setHeader('content-type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('content-length', String(statSync(file).size));
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}

function send(res: http.ServerResponse, status: number, type: string, body: string): true {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.setHeader('cache-control', 'no-store');
  res.end(body);
  return true;
}
