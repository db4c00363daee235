import type { GraphStore, PageRequest } from '../../src/store/GraphStore';

/** One paged read the store was asked for: the port method, the kind (list only) and whether it had to count. */
export interface PageRead {
  method: 'list' | 'listAccounts' | 'listPlans' | 'listAlerts';
  kind: string | null;
  /** true unless the request said `count: false` (GraphStore.PageRequest.count). */
  counted: boolean;
}

const PAGED: Record<PageRead['method'], number> = { list: 2, listAccounts: 0, listPlans: 0, listAlerts: 1 };

/**
 * The store with a record of every paged read and whether it asked for a
 * count (issue 13 item 1: totalCount only when the query selects it), for
 * API tests to say how many counts a query cost. Like bench/countingStore.ts,
 * a Proxy that calls the real method on the real object (the Neo4j adapter
 * keeps #private state); `take()` returns the reads since the last take.
 */
export function pageCountTally(store: GraphStore): { store: GraphStore; take(): PageRead[] } {
  let reads: PageRead[] = [];
  const wrapped = new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const method = String(prop);
      const at = Object.prototype.hasOwnProperty.call(PAGED, method) ? PAGED[method as PageRead['method']] : undefined;
      return (...args: unknown[]) => {
        if (at !== undefined) {
          const page = args[at] as PageRequest | undefined;
          reads.push({ method: method as PageRead['method'], kind: method === 'list' ? String(args[0]) : null, counted: page?.count !== false });
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store: wrapped,
    take() {
      const taken = reads;
      reads = [];
      return taken;
    },
  };
}
