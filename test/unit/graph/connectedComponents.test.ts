import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import { connectedComponents } from '../../../src/graph/connectedComponents';
import { aPerson, aSnapshot, JINYUAN, NANJIE, peopleGraph, per, XIJIE } from '../../support/builders';

describe('connectedComponents', () => {
  it('lists islands largest first, each sorted, an isolated node as its own', () => {
    const graph = peopleGraph([['x', 'y'], ['c', 'a'], ['a', 'b']], ['loner']);
    expect(connectedComponents(graph)).toEqual([[per('a'), per('b'), per('c')], [per('x'), per('y')], [per('loner')]]);
  });

  it('orders islands of equal size by their smallest id', () => {
    const graph = peopleGraph([['y', 'z'], ['b', 'c']]);
    expect(connectedComponents(graph)).toEqual([[per('b'), per('c')], [per('y'), per('z')]]);
  });

  it('splits at a BUILDING link when only ESTABLISHED ones count', () => {
    const graph = peopleGraph([['a', 'b'], ['b', 'c', 'BUILDING']]);
    expect(connectedComponents(graph)).toHaveLength(1);
    expect(connectedComponents(graph, { statuses: ['ESTABLISHED'] })).toEqual([[per('a'), per('b')], [per('c')]]);
  });

  it('joins villages through their township only when geography is asked for', () => {
    const graph = buildStakeholderGraph(
      aSnapshot({ townships: [JINYUAN], villages: [NANJIE, XIJIE], people: [aPerson({ villageIds: [NANJIE.id] })] }),
    );
    expect(connectedComponents(graph)).toHaveLength(3);
    expect(connectedComponents(graph, { traversableOnly: false })).toHaveLength(1);
  });
});
