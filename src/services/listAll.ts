import type { EntityKind } from '../domain/ids';
import type { EntityMap } from '../domain/model';
import { MAX_BULK_PAGE, type FilterMap, type GraphStore, type Page } from '../store/GraphStore';

/** Every record of a kind, page by page (for small kinds only: stakeholders, services); never counted (nothing reads totalCount). */
export async function listAll<K extends EntityKind>(store: GraphStore, kind: K, filter: FilterMap[K] = {}): Promise<Array<EntityMap[K]>> {
  const all: Array<EntityMap[K]> = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<EntityMap[K]> = await store.list(kind, filter, { first: MAX_BULK_PAGE, after, count: false });
    all.push(...page.items);
    if (!page.hasNextPage) return all;
    after = page.endCursor;
  }
}
