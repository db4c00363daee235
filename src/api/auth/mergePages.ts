import type { Page } from '../../store/GraphStore';

/**
 * One keyset page over the union of several disjoint lists, each already
 * paged from the same `after` with the same `first` (e.g. a coordinator's
 * households, one store query per township). Every list contributes its own
 * first `first` ids after the cursor, so the union's first `first` ids are
 * exactly among them. totalCount is the sum: the lists must not overlap.
 */
export function mergePages<T extends { id: string }>(pages: ReadonlyArray<Page<T>>, first: number): Page<T> {
  const byId = new Map<string, T>();
  for (const page of pages) for (const item of page.items) byId.set(item.id, item);
  const sorted = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const items = sorted.slice(0, first);
  return {
    items,
    totalCount: pages.reduce((sum, p) => sum + p.totalCount, 0),
    hasNextPage: sorted.length > first || pages.some((p) => p.hasNextPage),
    endCursor: items.length > 0 ? (items[items.length - 1] as T).id : null,
  };
}
