import { mergePages } from '../../../src/api/auth/mergePages';
import { pageOf } from '../../../src/api/connection';
import type { Page } from '../../../src/store/GraphStore';

const rows = (...ids: string[]) => ids.map((id) => ({ id }));

describe('mergePages: one keyset page over disjoint lists', () => {
  const townshipA = rows('hh_a1', 'hh_a4', 'hh_a7');
  const townshipB = rows('hh_a2', 'hh_a3', 'hh_a9');

  it('takes the first ids of the union, in id order, and sums the counts', () => {
    const page = mergePages([pageOf(townshipA, { first: 2 }), pageOf(townshipB, { first: 2 })], 2);
    expect(page).toEqual({ items: rows('hh_a1', 'hh_a2'), totalCount: 6, hasNextPage: true, endCursor: 'hh_a2' });
  });

  it('pages through the union from a cursor without gaps or repeats', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Page<{ id: string }> = mergePages([pageOf(townshipA, { first: 2, after }), pageOf(townshipB, { first: 2, after })], 2);
      seen.push(...page.items.map((r) => r.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(['hh_a1', 'hh_a2', 'hh_a3', 'hh_a4', 'hh_a7', 'hh_a9']);
  });

  it('says there is no next page only when no list has more', () => {
    expect(mergePages([pageOf(townshipA, { first: 5 }), pageOf(rows(), { first: 5 })], 5).hasNextPage).toBe(false);
    expect(mergePages([], 5)).toEqual({ items: [], totalCount: 0, hasNextPage: false, endCursor: null });
  });
});
