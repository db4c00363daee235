import type { GraphStore } from '../src/store/GraphStore';

export interface StoreCallTally {
  /** Calls by method, or method(kind) for getMany / list / upsertMany. */
  calls: Record<string, number>;
  /** The slowest single call of each, ms. */
  maxMs: Record<string, number>;
}

/**
 * The store with a tally of port calls by method (and getMany/list by kind),
 * so the report can say how many store round trips one request costs and
 * which single call was slowest. The wrapper calls the real method on the
 * real object (the Neo4j adapter keeps #private state), so it adds a function
 * call, a clock read and a map update, nothing more.
 */
export function countingStore(store: GraphStore): { store: GraphStore; take(): StoreCallTally } {
  let calls = new Map<string, number>();
  let maxMs = new Map<string, number>();
  const wrapped = new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const method = String(prop);
      return (...args: unknown[]) => {
        const key = method === 'getMany' || method === 'list' || method === 'upsertMany' ? `${method}(${String(args[0])})` : method;
        calls.set(key, (calls.get(key) ?? 0) + 1);
        const started = performance.now();
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        const done = () => maxMs.set(key, Math.max(maxMs.get(key) ?? 0, performance.now() - started));
        if (result instanceof Promise) return result.finally(done);
        done();
        return result;
      };
    },
  });
  return {
    store: wrapped,
    take() {
      const sorted = (m: Map<string, number>) => Object.fromEntries([...m.entries()].sort((a, b) => b[1] - a[1]));
      const tally = { calls: sorted(calls), maxMs: sorted(maxMs) };
      calls = new Map();
      maxMs = new Map();
      return tally;
    },
  };
}
