/**
 * A fixed-window request counter per key (token subject or client address).
 * It protects one API instance from a runaway client; it is not a correctness
 * mechanism, so per-instance counting is acceptable when scaled out.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): (key: string) => boolean {
  const windows = new Map<string, { start: number; count: number }>();
  return (key) => {
    const t = now();
    const w = windows.get(key);
    if (!w || t - w.start >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      windows.set(key, { start: t, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= perMinute;
  };
}
