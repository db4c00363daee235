/**
 * GraphStore.listPlanningNeeds in the contract (issue 13 item 6), run against every adapter: the OPEN needs
 * with the fields of theirs and their households' that planAllocations reads equal what the paged list reads
 * and whole records give (services/listAll of OPEN needs, getMany of their households), filtered by township
 * and category as list('Need') filters, page by page in id order; a need whose household is missing carries
 * household null; needs that are not OPEN are not listed.
 */
import type { EntityMap } from '../../src/domain/model';
import type { GraphStore, PlanningNeedFilter, PlanningNeedRow } from '../../src/store/GraphStore';
import { seedStore } from '../../src/seed/seedStore';
import { listAll } from '../../src/services/listAll';
import { aNeed } from '../support/builders';

export interface PlanningNeedsContractFactory {
  create(): Promise<GraphStore>;
  reset(store: GraphStore): Promise<void>;
  destroy(store: GraphStore): Promise<void>;
}

/** The rows as the whole records say they should be. */
async function expectedRows(store: GraphStore, filter: PlanningNeedFilter): Promise<PlanningNeedRow[]> {
  const needs = await listAll(store, 'Need', {
    status: 'OPEN',
    ...(filter.townshipId ? { townshipId: filter.townshipId } : {}),
    ...(filter.category ? { category: filter.category } : {}),
  });
  const households = new Map<string, EntityMap['Household']>();
  for (const h of await store.getMany('Household', [...new Set(needs.map((n) => n.householdId))])) if (h) households.set(h.id, h);
  return needs.map((n) => {
    const h = households.get(n.householdId);
    return {
      need: { id: n.id, householdId: n.householdId, category: n.category, urgency: n.urgency, createdAt: n.createdAt, updatedAt: n.updatedAt },
      household: h
        ? { id: h.id, villageId: h.villageId, vulnerabilityScore: h.vulnerabilityScore, memberAgeBands: h.memberAgeBands, markers: h.markers, creditOfficerId: h.loan?.creditOfficerId ?? null }
        : null,
    };
  });
}

async function allRows(store: GraphStore, filter: PlanningNeedFilter, first: number): Promise<PlanningNeedRow[]> {
  const rows: PlanningNeedRow[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await store.listPlanningNeeds(filter, { first, after });
    rows.push(...page.rows);
    expect(page.endCursor).toBe(page.rows.at(-1)?.need.id ?? null);
    if (!page.hasNextPage) return rows;
    after = page.endCursor;
  }
  throw new Error('planningNeedsContract: listPlanningNeeds kept saying hasNextPage');
}

export function describePlanningNeedsContract(name: string, factory: PlanningNeedsContractFactory): void {
  describe(`listPlanningNeeds: ${name}`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = await factory.create();
      await factory.reset(store);
      // Synthetic households and needs; enough households that some hold a loan.
      await seedStore(store, { households: 400, seed: 7 });
    }, 120_000);
    afterAll(async () => {
      await factory.destroy(store);
    });

    it('gives every OPEN need with its household fields, equal to the whole records, in id order', async () => {
      const expected = await expectedRows(store, {});
      expect(expected.length).toBeGreaterThan(5);
      expect(expected.some((r) => r.household?.creditOfficerId)).toBe(true);
      expect(expected.some((r) => (r.household?.markers.length ?? 0) > 0)).toBe(true);
      const rows = await allRows(store, {}, 10_000);
      expect(rows).toEqual(expected);
      // Only the fields the plan reads: no description, no head of household.
      expect(Object.keys(rows[0]!.need).sort()).toEqual(['category', 'createdAt', 'householdId', 'id', 'updatedAt', 'urgency']);
      expect(Object.keys(rows[0]!.household!).sort()).toEqual(['creditOfficerId', 'id', 'markers', 'memberAgeBands', 'villageId', 'vulnerabilityScore']);
    });

    it('pages by id (small pages give the same rows) and filters by township and category as list does', async () => {
      const everything = await allRows(store, {}, 10_000);
      expect(await allRows(store, {}, 3)).toEqual(everything);
      const empty = await store.listPlanningNeeds({}, { first: 0, after: null });
      expect(empty).toEqual({ rows: [], hasNextPage: true, endCursor: null });

      const [township] = await listAll(store, 'Township');
      const category = everything[0]!.need.category;
      for (const filter of [{ townshipId: township!.id }, { category }, { townshipId: township!.id, category }]) {
        const expected = await expectedRows(store, filter);
        expect(await allRows(store, filter, 4)).toEqual(expected);
      }
      expect((await expectedRows(store, { townshipId: township!.id })).length).toBeLessThan(everything.length);
    });

    it('lists a need whose household is missing with household null, and no need that is not OPEN', async () => {
      const orphan = aNeed({ householdId: 'hh_planning-contract-missing' });
      const [someHousehold] = await listAll(store, 'Household');
      const resolved = aNeed({ householdId: someHousehold!.id, status: 'RESOLVED' });
      await store.upsertMany('Need', [orphan, resolved]);
      const rows = await allRows(store, {}, 10_000);
      expect(rows.find((r) => r.need.id === orphan.id)).toEqual({
        need: { id: orphan.id, householdId: orphan.householdId, category: orphan.category, urgency: orphan.urgency, createdAt: orphan.createdAt, updatedAt: orphan.updatedAt },
        household: null,
      });
      expect(rows.some((r) => r.need.id === resolved.id)).toBe(false);
    });

    it('refuses a page size outside 0 to MAX_BULK_PAGE', async () => {
      await expect(store.listPlanningNeeds({}, { first: -1, after: null })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });
}
