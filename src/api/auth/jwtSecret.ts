import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config/config';

/**
 * The token secret: JWT_SECRET when set (required in production); otherwise a
 * random secret created once under DATA_DIR (mode 0600) so a first-time user
 * can issue local tokens with `npm run token` and keep them across restarts.
 */
export function jwtSecret(config: Pick<Config, 'JWT_SECRET' | 'DATA_DIR'>): { secret: Uint8Array; source: 'env' | 'file' } {
  if (config.JWT_SECRET) return { secret: new TextEncoder().encode(config.JWT_SECRET), source: 'env' };
  const file = join(config.DATA_DIR, 'jwt-secret');
  let value: string;
  try {
    value = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(config.DATA_DIR, { recursive: true });
    value = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, value, { mode: 0o600, flag: 'wx' });
    } catch {
      value = readFileSync(file, 'utf8').trim(); // another process created it first
    }
  }
  return { secret: new TextEncoder().encode(value), source: 'file' };
}
