import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { HuzhuError } from '../../errors/HuzhuError';

/** What a limiter says about one key: go ahead, or wait this many seconds. */
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts `points` (default 1) against `key` and says whether the key is still within its limit. */
  consume(key: string, points?: number): Promise<RateDecision>;
  /** Says whether `key` is already over its limit, without counting anything. */
  peek(key: string): Promise<RateDecision>;
  /** Forgets `key`'s count (e.g. a successful sign-in clears the failures counted for that account). */
  reset(key: string): Promise<void>;
}

export interface RateLimiterOptions {
  /** Requests (points) allowed per key per window. */
  points: number;
  /** Window length, seconds. */
  durationSec: number;
  /** Once over the limit, refuse the key for this long, seconds (default: until the window ends). */
  blockDurationSec?: number;
  /** Keeps several limiters apart in one shared backend (e.g. 'graphql', 'login-account'). */
  keyPrefix?: string;
  /**
   * Where counts live. Default: this process's memory (rate-limiter-flexible's
   * RateLimiterMemory: a window per key that expires on its own, no global
   * reset). Several API instances share one limit by passing a shared
   * backend built with the same options, e.g. rate-limiter-flexible's
   * RateLimiterRedis ({ storeClient, points, duration, keyPrefix }) or
   * RateLimiterCluster (Node cluster workers); see the README, "Rate limits".
   */
  backend?: (options: { points: number; duration: number; blockDuration: number; keyPrefix: string }) => RateLimiterAbstract;
}

/**
 * A fixed-window limiter per key, over rate-limiter-flexible. One factory for
 * every limit in the API: requests per token subject or client address
 * (httpServer.ts), sign-in attempts per account and per address (accounts).
 * A backend that fails (e.g. Redis down) is UNAVAILABLE, never "allowed".
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { points, durationSec } = options;
  if (!Number.isInteger(points) || points < 1) throw new Error(`api/createRateLimiter: points must be a whole number >= 1, got ${String(points)}`);
  if (!Number.isInteger(durationSec) || durationSec < 1) throw new Error(`api/createRateLimiter: durationSec must be a whole number >= 1, got ${String(durationSec)}`);
  const settings = { points, duration: durationSec, blockDuration: options.blockDurationSec ?? 0, keyPrefix: options.keyPrefix ?? 'huzhu' };
  const limiter = options.backend ? options.backend(settings) : new RateLimiterMemory(settings);

  return {
    async consume(key, cost = 1) {
      try {
        const res = await limiter.consume(key, cost);
        return { allowed: true, remaining: res.remainingPoints };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(rejection) };
        throw backendFailed('consume', rejection);
      }
    },
    async peek(key) {
      let res: RateLimiterRes | null;
      try {
        res = await limiter.get(key);
      } catch (error) {
        throw backendFailed('peek', error);
      }
      if (res === null || res.consumedPoints <= points) return { allowed: true, remaining: Math.max(0, points - (res?.consumedPoints ?? 0)) };
      return { allowed: false, retryAfterSeconds: retryAfter(res) };
    },
    async reset(key) {
      try {
        await limiter.delete(key);
      } catch (error) {
        throw backendFailed('reset', error);
      }
    },
  };
}

// Private:

/** Whole seconds until the key may try again, at least 1 (Retry-After takes whole seconds). */
function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

function backendFailed(operation: string, cause: unknown): HuzhuError {
  return new HuzhuError('UNAVAILABLE', `api/createRateLimiter: the rate-limit store failed on ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
}
