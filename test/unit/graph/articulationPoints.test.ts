import fc from 'fast-check';
import { articulationPoints } from '../../../src/graph/articulationPoints';
import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import { aPerson, aSnapshot, indexedPeopleGraph, JINYUAN, NANJIE, peopleGraph, per, type PersonLink, shapes, XIJIE } from '../../support/builders';

const summary = (points: ReturnType<typeof articulationPoints>) =>
  points.map((p) => ({ nodeId: p.nodeId, pieces: p.pieces, cutOffNodeIds: p.cutOffNodeIds }));

describe('articulationPoints', () => {
  it('finds the knot of a bowtie, cutting off the wing without the smallest id', () => {
    const graph = peopleGraph([...shapes.cycle(['a', 'b', 'c']), ...shapes.cycle(['c', 'd', 'e'])]);
    expect(summary(articulationPoints(graph))).toEqual([{ nodeId: per('c'), pieces: 2, cutOffNodeIds: [per('d'), per('e')] }]);
  });

  it('finds every inner node of a path, the one cutting off most first', () => {
    const graph = peopleGraph(shapes.path(['a', 'b', 'c', 'd', 'e']));
    expect(summary(articulationPoints(graph))).toEqual([
      { nodeId: per('c'), pieces: 2, cutOffNodeIds: [per('d'), per('e')] },
      { nodeId: per('b'), pieces: 2, cutOffNodeIds: [per('a')] },
      { nodeId: per('d'), pieces: 2, cutOffNodeIds: [per('e')] },
    ]);
  });

  it('finds none in a cycle', () => {
    expect(articulationPoints(peopleGraph(shapes.cycle(['a', 'b', 'c', 'd', 'e'])))).toEqual([]);
  });

  it('splits a star into one piece per leaf', () => {
    const graph = peopleGraph(shapes.star('hub', ['a', 'b', 'c', 'd']));
    expect(summary(articulationPoints(graph))).toEqual([{ nodeId: per('hub'), pieces: 4, cutOffNodeIds: [per('b'), per('c'), per('d')] }]);
  });

  it('counts only ESTABLISHED links unless told otherwise', () => {
    const graph = peopleGraph([['a', 'b'], ['b', 'c'], ['a', 'c', 'BUILDING']]);
    expect(articulationPoints(graph).map((p) => p.nodeId)).toEqual([per('b')]);
    expect(articulationPoints(graph, { statuses: ['ESTABLISHED', 'BUILDING'] })).toEqual([]);
  });

  it('finds no single point of failure for a village reached by its liaison and by its township social worker', () => {
    const graph = buildStakeholderGraph(
      aSnapshot({
        townships: [JINYUAN],
        villages: [NANJIE],
        people: [
          aPerson({ id: 'per_liaison', villageIds: [NANJIE.id], townshipIds: [JINYUAN.id] }),
          aPerson({ id: 'per_worker', roles: ['SOCIAL_WORKER'], townshipIds: [JINYUAN.id] }),
        ],
      }),
    );
    expect(articulationPoints(graph)).toEqual([]);
  });

  it('shows the township social worker as the single point of failure of a village without a liaison', () => {
    const graph = buildStakeholderGraph(
      aSnapshot({
        townships: [JINYUAN],
        villages: [NANJIE, XIJIE],
        people: [
          aPerson({ id: 'per_liaison', villageIds: [NANJIE.id] }),
          aPerson({ id: 'per_helper', villageIds: [NANJIE.id] }),
          aPerson({ id: 'per_worker', roles: ['SOCIAL_WORKER'], townshipIds: [JINYUAN.id] }),
        ],
      }),
    );
    const worker = articulationPoints(graph).find((p) => p.nodeId === 'per_worker');
    expect(worker?.cutOffNodeIds).toEqual(expect.arrayContaining([XIJIE.id, JINYUAN.id]));
    expect(worker?.cutOffNodeIds).not.toContain(NANJIE.id);
  });

  it('handles a network far deeper than the call stack (no recursion)', () => {
    const order = 50_000;
    const ring = Array.from({ length: order }, (_, i) => [i, (i + 1) % order] as const);
    const graph = indexedPeopleGraph(order + 1, [...ring, [0, order]]);
    expect(summary(articulationPoints(graph))).toEqual([
      { nodeId: 'per_000000', pieces: 2, cutOffNodeIds: ['per_050000'] },
    ]);
  });

  it('agrees with removing each node in turn on small random networks', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const links = fc.uniqueArray(fc.uniqueArray(fc.constantFrom(...names), { minLength: 2, maxLength: 2 }), {
      selector: (pair) => [...pair].sort().join(),
      maxLength: 14,
    });
    fc.assert(
      fc.property(links, (pairs) => {
        const personLinks = pairs.map(([a, b]): PersonLink => [a as string, b as string]);
        const graph = peopleGraph(personLinks, names);
        expect(summary(articulationPoints(graph))).toEqual(bruteForceArticulationPoints(personLinks, names));
      }),
      { numRuns: 300, seed: 20250630 },
    );
  });
});

// Private:

/** The definition, slowly: remove each node and look at what its component becomes. */
function bruteForceArticulationPoints(links: readonly PersonLink[], names: readonly string[]) {
  const neighbours = new Map(names.map((n) => [n, new Set<string>()]));
  for (const [a, b] of links) {
    neighbours.get(a)?.add(b);
    neighbours.get(b)?.add(a);
  }
  const reach = (start: string, removed: string | null): Set<string> => {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const w of neighbours.get(queue.pop() as string) ?? []) {
        if (w !== removed && !seen.has(w)) {
          seen.add(w);
          queue.push(w);
        }
      }
    }
    return seen;
  };
  const points = [];
  for (const u of names) {
    const component = [...reach(u, null)].filter((v) => v !== u);
    const groups: string[][] = [];
    const assigned = new Set<string>();
    for (const v of [...component].sort()) {
      if (assigned.has(v)) continue;
      const group = [...reach(v, u)].sort();
      group.forEach((x) => assigned.add(x));
      groups.push(group);
    }
    if (groups.length < 2) continue;
    // Largest group kept; ties to the one with the smallest id (groups are found in id order).
    const keep = groups.reduce((best, g) => (g.length > best.length ? g : best));
    points.push({ nodeId: per(u), pieces: groups.length, cutOffNodeIds: groups.filter((g) => g !== keep).flat().sort().map(per) });
  }
  return points.sort((a, b) => b.cutOffNodeIds.length - a.cutOffNodeIds.length || (a.nodeId < b.nodeId ? -1 : 1));
}
