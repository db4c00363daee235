import type { Logger } from 'pino';
import type { Config } from '../../config/config';
import { HuzhuError } from '../../errors/HuzhuError';
import { createRateLimiter, type RateLimiter } from './createRateLimiter';
import { jwtSecret } from './jwtSecret';
import { verifyToken } from './tokens';
import type { Viewer } from './Viewer';

export interface AccessControl {
  resolveViewer(authorization: string | undefined): Promise<Viewer | undefined>;
  /** Requests per minute per token subject or client address (RATE_LIMIT_PER_MINUTE). */
  requestLimiter: RateLimiter;
}

export async function createAccessControl(config: Config, log: Logger): Promise<AccessControl> {
  const { secret, source } = jwtSecret(config);
  if (source === 'file') log.info('token secret: generated under DATA_DIR (set JWT_SECRET to share one)');
  return {
    async resolveViewer(authorization) {
      if (authorization === undefined || authorization === '') return undefined;
      const m = /^Bearer ([A-Za-z0-9._-]{10,4096})$/.exec(authorization);
      if (!m) throw new HuzhuError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
      return verifyToken(secret, m[1] as string);
    },
    requestLimiter: createRateLimiter({ points: config.RATE_LIMIT_PER_MINUTE, durationSec: 60, keyPrefix: 'request' }),
  };
}
