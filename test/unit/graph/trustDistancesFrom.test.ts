import fc from 'fast-check';
import type { TrustPathLookup } from '../../../src/domain/matching/TrustPathInfo';
import type { RelationshipStatus } from '../../../src/domain/model';
import { trustDistancesFrom } from '../../../src/graph/trustDistancesFrom';
import { trustPath } from '../../../src/graph/trustPath';
import { nodesOf, peopleGraph, per, type PersonLink } from '../../support/builders';

describe('trustDistancesFrom', () => {
  it('gives cost, hops and weakest status of every reachable node, the source at 0', () => {
    const graph = peopleGraph([['a', 'b'], ['b', 'c', 'BUILDING'], ['x', 'y']]);
    const { distances } = trustDistancesFrom(graph, per('a'));
    expect(new Map(distances)).toEqual(
      new Map([
        [per('a'), { cost: 0, hops: 0, weakestStatus: 'ESTABLISHED' }],
        [per('b'), { cost: 1, hops: 1, weakestStatus: 'ESTABLISHED' }],
        [per('c'), { cost: 4, hops: 2, weakestStatus: 'BUILDING' }],
      ]),
    );
  });

  it('reconstructs the same path trustPath finds, for every node', () => {
    const graph = peopleGraph([
      ['a', 'b'], ['a', 'c', 'BUILDING'], ['b', 'd'], ['c', 'd'], ['d', 'e'], ['c', 'e'], ['e', 'f', 'PROSPECTIVE'], ['b', 'f', 'BUILDING'],
    ]);
    const all = trustDistancesFrom(graph, per('a'));
    for (const id of graph.nodes()) {
      expect(all.pathTo(id)).toEqual(trustPath(graph, per('a'), id));
    }
  });

  it('serves matching as its trust-path lookup, as is', () => {
    const graph = peopleGraph([['a', 'b', 'BUILDING']]);
    const lookup: TrustPathLookup = trustDistancesFrom(graph, per('a')).pathTo;
    expect(lookup(per('b'))).toMatchObject({ hops: 1, cost: 3, weakestStatus: 'BUILDING' });
  });

  it('returns null from pathTo for an unreachable node', () => {
    const graph = peopleGraph([['a', 'b'], ['c', 'd']]);
    expect(trustDistancesFrom(graph, per('a')).pathTo(per('d'))).toBeNull();
  });

  it('stops at maxCost', () => {
    const graph = peopleGraph([['a', 'b'], ['b', 'c'], ['c', 'd']]);
    expect([...trustDistancesFrom(graph, per('a'), { maxCost: 2 }).distances.keys()].sort()).toEqual([per('a'), per('b'), per('c')]);
  });

  it('reaches nothing from an excluded source', () => {
    const graph = peopleGraph([['a', 'b']]);
    expect(trustDistancesFrom(graph, per('a'), { excludeNodeIds: [per('a')] }).distances.size).toBe(0);
  });

  it('agrees with a brute-force search over every simple path on small random networks', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const statuses: RelationshipStatus[] = ['ESTABLISHED', 'BUILDING', 'PROSPECTIVE'];
    const network = fc.record({
      links: fc.uniqueArray(
        fc.record({ pair: fc.uniqueArray(fc.constantFrom(...names), { minLength: 2, maxLength: 2 }), status: fc.constantFrom(...statuses) }),
        { selector: (l) => [...l.pair].sort().join(), maxLength: 14 },
      ),
      buildingPenalty: fc.constantFrom(0, 0.5, 1, 2, 3),
      excluded: fc.subarray(names.slice(1), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(network, ({ links, buildingPenalty, excluded }) => {
        const personLinks: PersonLink[] = links.map((l) => [l.pair[0] as string, l.pair[1] as string, l.status]);
        const graph = peopleGraph(personLinks, names);
        const options = { buildingPenalty, excludeNodeIds: excluded.map(per) };
        const result = trustDistancesFrom(graph, per('a'), options);
        const oracle = bruteForceBest(personLinks, 'a', buildingPenalty, new Set(excluded));
        for (const name of names) {
          const expected = oracle.get(name);
          const path = result.pathTo(per(name));
          if (expected === undefined) {
            expect(path).toBeNull();
          } else {
            expect(nodesOf(path!)).toEqual(expected.nodes.map(per));
            expect(path!.cost).toBeCloseTo(expected.cost, 9);
            expect(path!.weakestStatus).toBe(expected.weakest);
          }
        }
      }),
      { numRuns: 300, seed: 20250630 },
    );
  });
});

// Private:

interface OraclePath {
  nodes: string[];
  cost: number;
  weakest: 'ESTABLISHED' | 'BUILDING';
}

/** Every simple path from `from`, best by (cost, hops, node sequence): the specification, slowly. */
function bruteForceBest(links: readonly PersonLink[], from: string, penalty: number, excluded: ReadonlySet<string>): Map<string, OraclePath> {
  const adjacency = new Map<string, Array<{ to: string; cost: number; building: boolean }>>();
  for (const [a, b, status] of links) {
    if (status === 'PROSPECTIVE') continue;
    const building = status === 'BUILDING';
    const cost = building ? 1 + penalty : 1;
    adjacency.set(a, [...(adjacency.get(a) ?? []), { to: b, cost, building }]);
    adjacency.set(b, [...(adjacency.get(b) ?? []), { to: a, cost, building }]);
  }
  const best = new Map<string, OraclePath>();
  const better = (p: OraclePath, q: OraclePath): boolean => {
    if (Math.abs(p.cost - q.cost) > 1e-9) return p.cost < q.cost;
    if (p.nodes.length !== q.nodes.length) return p.nodes.length < q.nodes.length;
    return p.nodes.join(' ') < q.nodes.join(' ');
  };
  const walk = (path: OraclePath): void => {
    const last = path.nodes[path.nodes.length - 1] as string;
    const current = best.get(last);
    if (current === undefined || better(path, current)) best.set(last, path);
    for (const edge of adjacency.get(last) ?? []) {
      if (path.nodes.includes(edge.to) || excluded.has(edge.to)) continue;
      walk({
        nodes: [...path.nodes, edge.to],
        cost: path.cost + edge.cost,
        weakest: edge.building ? 'BUILDING' : path.weakest,
      });
    }
  };
  if (!excluded.has(from)) walk({ nodes: [from], cost: 0, weakest: 'ESTABLISHED' });
  return best;
}
