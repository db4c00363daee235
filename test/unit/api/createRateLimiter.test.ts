import { RateLimiterMemory } from 'rate-limiter-flexible';
import { createRateLimiter } from '../../../src/api/auth/createRateLimiter';

/** Issue 10 item 12: one limiter factory over rate-limiter-flexible, for requests and for sign-in attempts. */
describe('createRateLimiter', () => {
  it('allows `points` requests per key per window, then refuses with the seconds to wait', async () => {
    const limiter = createRateLimiter({ points: 3, durationSec: 60 });
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.consume('sub:a'));
    expect(decisions.slice(0, 3).map((d) => d.allowed)).toEqual([true, true, true]);
    const refused = decisions[3];
    expect(refused?.allowed).toBe(false);
    if (refused?.allowed === false) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
  });

  it('counts each key on its own', async () => {
    const limiter = createRateLimiter({ points: 1, durationSec: 60 });
    expect((await limiter.consume('ip:1')).allowed).toBe(true);
    expect((await limiter.consume('ip:1')).allowed).toBe(false);
    expect((await limiter.consume('ip:2')).allowed).toBe(true);
  });

  it('keeps a refused key refused however many other keys it tracks (no reset at 10,000 keys)', async () => {
    const limiter = createRateLimiter({ points: 1, durationSec: 60 });
    await limiter.consume('sub:noisy');
    expect((await limiter.consume('sub:noisy')).allowed).toBe(false);
    for (let i = 0; i < 10_050; i++) await limiter.consume(`ip:10.0.${i >> 8}.${i & 255}`);
    expect((await limiter.consume('sub:noisy')).allowed).toBe(false);
  });

  it('lets a key in again once its window has passed', async () => {
    const limiter = createRateLimiter({ points: 1, durationSec: 1 });
    await limiter.consume('k');
    expect((await limiter.consume('k')).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limiter.consume('k')).allowed).toBe(true);
  });

  it('peeks without counting, and reset forgets a key', async () => {
    const limiter = createRateLimiter({ points: 2, durationSec: 60 });
    for (let i = 0; i < 5; i++) expect((await limiter.peek('k')).allowed).toBe(true);
    await limiter.consume('k');
    await limiter.consume('k');
    expect((await limiter.peek('k')).allowed).toBe(true); // at the limit, not over it
    await limiter.consume('k');
    expect((await limiter.peek('k')).allowed).toBe(false);
    await limiter.reset('k');
    expect(await limiter.peek('k')).toEqual({ allowed: true, remaining: 2 });
  });

  it('keeps limiters with different prefixes apart in one shared backend', async () => {
    const shared = new Map<string, RateLimiterMemory>();
    const backend = (options: { points: number; duration: number; keyPrefix: string }) => {
      const limiter = shared.get(options.keyPrefix) ?? new RateLimiterMemory(options);
      shared.set(options.keyPrefix, limiter);
      return limiter;
    };
    // Two "instances" built on one backend share a count: what a Redis store gives several API processes.
    const first = createRateLimiter({ points: 2, durationSec: 60, keyPrefix: 'graphql', backend });
    const second = createRateLimiter({ points: 2, durationSec: 60, keyPrefix: 'graphql', backend });
    const login = createRateLimiter({ points: 2, durationSec: 60, keyPrefix: 'login', backend });
    await first.consume('ip:1');
    await second.consume('ip:1');
    expect((await first.consume('ip:1')).allowed).toBe(false);
    expect((await login.consume('ip:1')).allowed).toBe(true);
  });

  it('blocks for blockDurationSec once over the limit', async () => {
    const limiter = createRateLimiter({ points: 1, durationSec: 1, blockDurationSec: 600 });
    await limiter.consume('acct:x');
    const refused = await limiter.consume('acct:x');
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(500);
  });

  it('reports a failing backend as UNAVAILABLE, never as allowed', async () => {
    const broken = () => {
      const limiter = new RateLimiterMemory({ points: 1, duration: 60 });
      limiter.consume = () => Promise.reject(new Error('synthetic: connection refused'));
      return limiter;
    };
    const limiter = createRateLimiter({ points: 1, durationSec: 60, backend: broken });
    await expect(limiter.consume('k')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('refuses nonsense settings', () => {
    expect(() => createRateLimiter({ points: 0, durationSec: 60 })).toThrow(/points/);
    expect(() => createRateLimiter({ points: 1, durationSec: 0.5 })).toThrow(/durationSec/);
  });
});
