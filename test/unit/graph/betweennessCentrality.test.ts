import { mulberry32 } from '../../../src/domain/mulberry32';
import { betweennessCentrality } from '../../../src/graph/betweennessCentrality';
import type { StakeholderGraph } from '../../../src/graph/StakeholderGraph';
import { indexedPeopleGraph, peopleGraph, per, shapes } from '../../support/builders';

/** A connected random network: a random tree plus `extra` random links (synthetic people). */
function generatedNetwork(order: number, extra: number, seed: number): StakeholderGraph {
  const random = mulberry32(seed);
  const edges: Array<[number, number]> = [];
  for (let i = 1; i < order; i++) edges.push([i, Math.floor(random() * i)]);
  for (let i = 0; i < extra; i++) {
    const a = Math.floor(random() * order);
    const b = Math.floor(random() * order);
    if (a !== b) edges.push([a, b]);
  }
  return indexedPeopleGraph(order, edges);
}

describe('betweennessCentrality', () => {
  describe('exact', () => {
    it('scores the centre of a star 1 and every leaf 0 (normalised)', () => {
      const leaves = ['b', 'c', 'd', 'e', 'f'];
      const { centrality, exact } = betweennessCentrality(peopleGraph(shapes.star('a', leaves)));
      expect(exact).toBe(true);
      expect(centrality.get(per('a'))).toBeCloseTo(1, 12);
      for (const leaf of leaves) expect(centrality.get(per(leaf))).toBe(0);
    });

    it('counts, unnormalised, the pairs of leaves whose only path is through the centre', () => {
      const leaves = ['b', 'c', 'd', 'e', 'f'];
      const { centrality } = betweennessCentrality(peopleGraph(shapes.star('a', leaves)), { normalized: false });
      expect(centrality.get(per('a'))).toBeCloseTo((leaves.length * (leaves.length - 1)) / 2, 12);
    });

    it('gives the i-th node of a path of n nodes i·(n−1−i) pairs', () => {
      const names = ['a', 'b', 'c', 'd', 'e', 'f'];
      const n = names.length;
      const { centrality } = betweennessCentrality(peopleGraph(shapes.path(names)), { normalized: false });
      names.forEach((name, i) => expect(centrality.get(per(name))).toBeCloseTo(i * (n - 1 - i), 12));
    });

    it('splits a pair between two equally short routes', () => {
      // a–b–d and a–c–d: b and c each carry half of the (a, d) pair.
      const { centrality } = betweennessCentrality(peopleGraph(shapes.cycle(['a', 'b', 'd', 'c'])), { normalized: false });
      expect(centrality.get(per('b'))).toBeCloseTo(0.5, 12);
      expect(centrality.get(per('c'))).toBeCloseTo(0.5, 12);
    });

    it('counts a pair linked several ways as one link', () => {
      const { centrality } = betweennessCentrality(
        peopleGraph([['a', 'b', 'ESTABLISHED', 'KNOWS'], ['a', 'b', 'ESTABLISHED', 'PARTNER'], ['b', 'c'], ['a', 'x'], ['x', 'c']]),
        { normalized: false },
      );
      expect(centrality.get(per('b'))).toBeCloseTo(centrality.get(per('x')) as number, 12);
    });

    it('reports every node as a source and no error', () => {
      const graph = peopleGraph(shapes.path(['a', 'b', 'c']));
      const result = betweennessCentrality(graph);
      expect(result).toMatchObject({ exact: true, sampleSize: 3, maxStandardError: 0 });
      expect([...result.standardError.values()]).toEqual([0, 0, 0]);
    });
  });

  describe('sampled', () => {
    it('samples above the exact threshold and says so', () => {
      const result = betweennessCentrality(generatedNetwork(200, 200, 1), { exactThreshold: 100, sampleSize: 40 });
      expect(result).toMatchObject({ exact: false, sampleSize: 40 });
    });

    it('equals the exact value, with no error, when every node is a pivot', () => {
      const graph = generatedNetwork(150, 150, 2);
      const exact = betweennessCentrality(graph);
      const everyPivot = betweennessCentrality(graph, { exactThreshold: 0, sampleSize: 150 });
      expect(everyPivot).toMatchObject({ exact: true, sampleSize: 150, maxStandardError: 0 });
      for (const [id, value] of exact.centrality) expect(everyPivot.centrality.get(id)).toBeCloseTo(value, 12);
    });

    it.each([
      [500, 1000, 100, 1],
      [400, 400, 50, 2],
      [1000, 1000, 200, 3],
    ])('on %i nodes with %i extra links and %i pivots (seed %i), stays within 3 × maxStandardError of the exact value', (order, extra, k, seed) => {
      const graph = generatedNetwork(order, extra, seed);
      const exact = betweennessCentrality(graph);
      const sampled = betweennessCentrality(graph, { exactThreshold: 0, sampleSize: k, seed });
      expect(sampled.maxStandardError).toBeGreaterThan(0);
      for (const [id, value] of exact.centrality) {
        expect(Math.abs((sampled.centrality.get(id) as number) - value)).toBeLessThanOrEqual(3 * sampled.maxStandardError);
      }
    });

    it('has a root-mean-square error matching its root-mean-square standard error', () => {
      const graph = generatedNetwork(500, 1000, 4);
      const exact = betweennessCentrality(graph);
      const sampled = betweennessCentrality(graph, { exactThreshold: 0, sampleSize: 100, seed: 4 });
      const ids = [...exact.centrality.keys()];
      const rms = (values: number[]) => Math.sqrt(values.reduce((a, v) => a + v * v, 0) / values.length);
      const rmsError = rms(ids.map((id) => (sampled.centrality.get(id) as number) - (exact.centrality.get(id) as number)));
      const rmsStandardError = rms(ids.map((id) => sampled.standardError.get(id) as number));
      expect(rmsError / rmsStandardError).toBeGreaterThan(0.5);
      expect(rmsError / rmsStandardError).toBeLessThan(2);
    });

    it('gives the same answer for the same seed and another for another seed', () => {
      const graph = generatedNetwork(300, 300, 5);
      const options = { exactThreshold: 0, sampleSize: 30 };
      const first = betweennessCentrality(graph, { ...options, seed: 7 });
      expect(betweennessCentrality(graph, { ...options, seed: 7 }).centrality).toEqual(first.centrality);
      expect(betweennessCentrality(graph, { ...options, seed: 8 }).centrality).not.toEqual(first.centrality);
    });

    it('rejects a sample of fewer than 2 pivots', () => {
      expect(() => betweennessCentrality(peopleGraph([['a', 'b']]), { sampleSize: 1 })).toThrow(
        /^graph\/betweennessCentrality: options.sampleSize/,
      );
    });
  });
});
