import type { EntityKind } from '../../src/domain/ids';
import { MAX_BULK_PAGE, type GraphStore, type Page } from '../../src/store/GraphStore';

/** The kinds a seed writes. */
export const SEEDED_KINDS: readonly EntityKind[] = ['Township', 'Village', 'Organization', 'Service', 'Person', 'Relationship', 'Household', 'Need'];

/**
 * Everything a seed leaves in a store, read back through the port only (so two stores, or two loads into
 * one, can be compared whatever wrote them): every record of the seeded kinds by id, the categories, the
 * network counters (version left out: it counts writes, not content), the household stats per village, the
 * need contexts (Neo4j: one traversal over the reference edges) and the lists that follow reference edges.
 */
export async function dumpSeededStore(store: GraphStore, options: { contexts?: number } = {}): Promise<Record<string, unknown>> {
  const records: Record<string, unknown[]> = {};
  for (const kind of SEEDED_KINDS) records[kind] = await listAll(store, kind, {});
  // version counts writes, not content: left out.
  const network = await store.networkCounters();
  const counters = { villages: network.villages, services: network.services };
  const stats = [...(await store.householdStatsByVillage())].sort((a, b) => (a.villageId < b.villageId ? -1 : 1));
  const needIds = (records['Need'] as Array<{ id: string }>).map((n) => n.id).slice(0, options.contexts ?? 25);
  const contexts = await Promise.all(needIds.map((id) => store.matchContext(id)));
  const officers = new Set((records['Household'] as Array<{ loan: { creditOfficerId: string } | null }>).flatMap((h) => (h.loan ? [h.loan.creditOfficerId] : [])));
  const borrowers: Record<string, string[]> = {};
  for (const officer of [...officers].sort()) {
    borrowers[officer] = (await listAll(store, 'Household', { creditOfficerId: officer })).map((h) => (h as { id: string }).id);
  }
  const villages = (records['Village'] as Array<{ id: string }>).slice(0, 5).map((v) => v.id);
  const byVillage: Record<string, unknown> = {};
  for (const villageId of villages) {
    byVillage[villageId] = {
      households: (await listAll(store, 'Household', { villageId })).map((h) => (h as { id: string }).id),
      people: (await listAll(store, 'Person', { villageId })).map((p) => (p as { id: string }).id),
    };
  }
  return { records, categories: await store.listCategories(), counters, stats, contexts, borrowers, byVillage };
}

async function listAll(store: GraphStore, kind: EntityKind, filter: object): Promise<unknown[]> {
  const items: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<unknown> = await store.list(kind, filter, { first: MAX_BULK_PAGE, after, count: false });
    items.push(...page.items);
    if (!page.hasNextPage || page.endCursor === null) return items;
    after = page.endCursor;
  }
}
