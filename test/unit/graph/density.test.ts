import { density } from '../../../src/graph/density';
import { peopleGraph, shapes } from '../../support/builders';

describe('density', () => {
  it('is 1 for a network where everyone knows everyone', () => {
    expect(density(peopleGraph(shapes.complete(['a', 'b', 'c', 'd', 'e'])))).toBe(1);
  });

  it('is links / possible pairs: a path of 4 has 3 of 6', () => {
    expect(density(peopleGraph(shapes.path(['a', 'b', 'c', 'd'])))).toBe(3 / 6);
  });

  it('does not count parallel links twice, so it never exceeds 1', () => {
    const graph = peopleGraph([['a', 'b', 'ESTABLISHED', 'KNOWS'], ['a', 'b', 'ESTABLISHED', 'PARTNER']]);
    expect(density(graph)).toBe(1);
  });

  it('counts only the statuses in scope', () => {
    const graph = peopleGraph([['a', 'b'], ['b', 'c', 'BUILDING'], ['a', 'c', 'PROSPECTIVE']]);
    expect(density(graph, { statuses: ['ESTABLISHED'] })).toBe(1 / 3);
    expect(density(graph)).toBe(2 / 3);
    expect(density(graph, { statuses: ['ESTABLISHED', 'BUILDING', 'PROSPECTIVE'] })).toBe(1);
  });

  it('is 0 for a graph of one node', () => {
    expect(density(peopleGraph([], ['a']))).toBe(0);
  });
});
