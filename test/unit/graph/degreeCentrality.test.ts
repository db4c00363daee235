import { degreeCentrality } from '../../../src/graph/degreeCentrality';
import { peopleGraph, per, shapes } from '../../support/builders';

describe('degreeCentrality', () => {
  it('gives the centre of a star degree n and centrality 1, each leaf 1 / n', () => {
    const leaves = ['b', 'c', 'd', 'e'];
    const result = degreeCentrality(peopleGraph(shapes.star('a', leaves)));
    expect(result.get(per('a'))).toEqual({ degree: leaves.length, centrality: 1 });
    for (const leaf of leaves) expect(result.get(per(leaf))).toEqual({ degree: 1, centrality: 1 / leaves.length });
  });

  it('counts a pair linked several ways once', () => {
    const graph = peopleGraph([['a', 'b', 'ESTABLISHED', 'KNOWS'], ['a', 'b', 'BUILDING', 'PARTNER']]);
    expect(degreeCentrality(graph).get(per('a'))?.degree).toBe(1);
  });

  it('leaves out PROSPECTIVE links unless asked for them', () => {
    const graph = peopleGraph([['a', 'b', 'PROSPECTIVE']]);
    expect(degreeCentrality(graph).get(per('a'))?.degree).toBe(0);
    expect(degreeCentrality(graph, { statuses: ['ESTABLISHED', 'BUILDING', 'PROSPECTIVE'] }).get(per('a'))?.degree).toBe(1);
  });
});
