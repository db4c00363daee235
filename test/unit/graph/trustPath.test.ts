import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import { trustPath } from '../../../src/graph/trustPath';
import { aPerson, aRelationship, aSnapshot, BUILT_ON, JINYUAN, NANJIE, nodesOf, peopleGraph, per, XIJIE } from '../../support/builders';

describe('trustPath', () => {
  describe('cost of relationship states', () => {
    it('prefers a longer ESTABLISHED path over a BUILDING shortcut that costs more', () => {
      // a–b BUILDING costs 1 + 2 = 3; a–c–b ESTABLISHED costs 2.
      const graph = peopleGraph([['a', 'b', 'BUILDING'], ['a', 'c'], ['c', 'b']]);
      const path = trustPath(graph, per('a'), per('b'));
      expect(nodesOf(path!)).toEqual([per('a'), per('c'), per('b')]);
      expect(path).toMatchObject({ cost: 2, hops: 2, weakestStatus: 'ESTABLISHED' });
    });

    it('takes the BUILDING shortcut when the ESTABLISHED detour costs more', () => {
      // a–b BUILDING costs 3; a–c–d–e–b costs 4.
      const graph = peopleGraph([['a', 'b', 'BUILDING'], ['a', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'b']]);
      const path = trustPath(graph, per('a'), per('b'));
      expect(nodesOf(path!)).toEqual([per('a'), per('b')]);
      expect(path).toMatchObject({ cost: 3, hops: 1, weakestStatus: 'BUILDING' });
    });

    it('weighs BUILDING links by the buildingPenalty option', () => {
      const graph = peopleGraph([['a', 'b', 'BUILDING'], ['a', 'c'], ['c', 'b']]);
      const path = trustPath(graph, per('a'), per('b'), { buildingPenalty: 0.5 });
      expect(nodesOf(path!)).toEqual([per('a'), per('b')]);
      expect(path!.cost).toBeCloseTo(1.5);
    });

    it('never uses BUILDING links when allowBuilding is false', () => {
      const graph = peopleGraph([['a', 'b', 'BUILDING']]);
      expect(trustPath(graph, per('a'), per('b'), { allowBuilding: false })).toBeNull();
    });

    it('reports the weakest status on the path', () => {
      const graph = peopleGraph([['a', 'b'], ['b', 'c', 'BUILDING'], ['c', 'd']]);
      expect(trustPath(graph, per('a'), per('d'))?.weakestStatus).toBe('BUILDING');
    });

    it('never travels a PROSPECTIVE link, however long the alternative', () => {
      const chain = ['a', 'c', 'd', 'e', 'f', 'g', 'b'];
      const detour = chain.slice(1).map((name, i) => [chain[i] as string, name] as [string, string]);
      const graph = peopleGraph([['a', 'b', 'PROSPECTIVE'], ...detour]);
      expect(trustPath(graph, per('a'), per('b'))?.hops).toBe(6);
    });

    it('finds no path when the only link is PROSPECTIVE', () => {
      const graph = peopleGraph([['a', 'b', 'PROSPECTIVE']]);
      expect(trustPath(graph, per('a'), per('b'))).toBeNull();
    });

    it('uses the ESTABLISHED one of two parallel links', () => {
      const graph = peopleGraph([['a', 'b', 'BUILDING', 'PARTNER'], ['a', 'b', 'ESTABLISHED', 'KNOWS']]);
      const path = trustPath(graph, per('a'), per('b'), { buildingPenalty: 0 });
      expect(path?.steps).toEqual([expect.objectContaining({ type: 'KNOWS', status: 'ESTABLISHED' })]);
      expect(path?.weakestStatus).toBe('ESTABLISHED');
    });
  });

  describe('consent exclusions', () => {
    it('detours around an excluded node', () => {
      const graph = peopleGraph([['a', 'x'], ['x', 'b'], ['a', 'c'], ['c', 'd'], ['d', 'b']]);
      const path = trustPath(graph, per('a'), per('b'), { excludeNodeIds: [per('x')] });
      expect(nodesOf(path!)).toEqual([per('a'), per('c'), per('d'), per('b')]);
    });

    it('finds no path when every route crosses an excluded node', () => {
      const graph = peopleGraph([['a', 'x'], ['x', 'b'], ['a', 'y'], ['y', 'b']]);
      expect(trustPath(graph, per('a'), per('b'), { excludeNodeIds: new Set([per('x'), per('y')]) })).toBeNull();
    });

    it('finds no path to an excluded target', () => {
      const graph = peopleGraph([['a', 'b']]);
      expect(trustPath(graph, per('a'), per('b'), { excludeNodeIds: [per('b')] })).toBeNull();
    });
  });

  describe('unreachable and trivial cases', () => {
    it('returns null between two disconnected parts', () => {
      const graph = peopleGraph([['a', 'b'], ['c', 'd']]);
      expect(trustPath(graph, per('a'), per('d'))).toBeNull();
    });

    it('returns null to an isolated node', () => {
      const graph = peopleGraph([['a', 'b']], ['loner']);
      expect(trustPath(graph, per('a'), per('loner'))).toBeNull();
    });

    it('returns the empty path from a node to itself', () => {
      const graph = peopleGraph([['a', 'b']]);
      expect(trustPath(graph, per('a'), per('a'))).toEqual({
        fromId: per('a'),
        toId: per('a'),
        steps: [],
        hops: 0,
        cost: 0,
        weakestStatus: 'ESTABLISHED',
      });
    });

    it('rejects an id that is not in the graph, naming it', () => {
      const graph = peopleGraph([['a', 'b']]);
      expect(() => trustPath(graph, per('a'), per('nobody'))).toThrow(/^graph\/trustPath: toId "per_nobody"/);
    });

    it('rejects a negative buildingPenalty', () => {
      const graph = peopleGraph([['a', 'b']]);
      expect(() => trustPath(graph, per('a'), per('b'), { buildingPenalty: -1 })).toThrow(/^graph\/trustPath: options.buildingPenalty/);
    });
  });

  describe('deterministic tie-breaking', () => {
    it('on equal cost takes the path with fewer hops', () => {
      // With penalty 1 the BUILDING link costs 2, like the two-hop ESTABLISHED path.
      const graph = peopleGraph([['a', 'c'], ['c', 'b'], ['a', 'b', 'BUILDING']]);
      const path = trustPath(graph, per('a'), per('b'), { buildingPenalty: 1 });
      expect(nodesOf(path!)).toEqual([per('a'), per('b')]);
    });

    it('on equal cost and hops takes the smallest node-id sequence, whatever the insertion order', () => {
      const forward = peopleGraph([['a', 'c'], ['c', 'b'], ['a', 'd'], ['d', 'b']]);
      const backward = peopleGraph([['d', 'b'], ['a', 'd'], ['c', 'b'], ['a', 'c']]);
      for (const graph of [forward, backward]) {
        expect(nodesOf(trustPath(graph, per('a'), per('b'))!)).toEqual([per('a'), per('c'), per('b')]);
      }
    });

    it('compares whole sequences from the start, not just the last hop', () => {
      // a,c,z,b < a,d,e,b although the last intermediate z > e.
      const graph = peopleGraph([['a', 'd'], ['d', 'e'], ['e', 'b'], ['a', 'c'], ['c', 'z'], ['z', 'b']]);
      expect(nodesOf(trustPath(graph, per('a'), per('b'))!)).toEqual([per('a'), per('c'), per('z'), per('b')]);
    });
  });

  describe('steps', () => {
    it('lists each link in the direction travelled with its type, status and since date', () => {
      const graph = peopleGraph([['b', 'a', 'ESTABLISHED', 'SUPERVISES']]);
      expect(trustPath(graph, per('a'), per('b'))?.steps).toEqual([
        { fromId: per('a'), toId: per('b'), type: 'SUPERVISES', status: 'ESTABLISHED', since: BUILT_ON, edgeKey: 'rel_0' },
      ]);
    });

    it('does not let geography carry trust: two villages of one township are not linked through it', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({
          townships: [JINYUAN],
          villages: [NANJIE, XIJIE],
          people: [aPerson({ id: 'per_liaison', villageIds: [NANJIE.id] })],
        }),
      );
      expect(trustPath(graph, NANJIE.id, XIJIE.id)).toBeNull();
      expect(trustPath(graph, NANJIE.id, JINYUAN.id)).toBeNull();
    });

    it('carries trust through a person serving both villages', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({
          townships: [JINYUAN],
          villages: [NANJIE, XIJIE],
          people: [aPerson({ id: 'per_liaison', villageIds: [NANJIE.id, XIJIE.id] })],
          relationships: [aRelationship({ fromId: 'per_liaison', toId: NANJIE.id, status: 'PROSPECTIVE' })],
        }),
      );
      const path = trustPath(graph, NANJIE.id, XIJIE.id);
      expect(path?.steps.map((s) => [s.type, s.status])).toEqual([
        ['SERVES', 'ESTABLISHED'],
        ['SERVES', 'ESTABLISHED'],
      ]);
    });
  });
});
