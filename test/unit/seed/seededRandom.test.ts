import { seededRandom, weightedPicker } from '../../../src/seed/seededRandom';

const draws = (n: number, ...keys: number[]) => {
  const rng = seededRandom(...keys);
  return Array.from({ length: n }, () => rng.next());
};

describe('seededRandom', () => {
  it('repeats the same stream for the same keys', () => {
    expect(draws(20, 42, 1, 7)).toEqual(draws(20, 42, 1, 7));
  });

  it('gives unrelated streams for neighbouring keys', () => {
    expect(draws(5, 42, 1, 7)).not.toEqual(draws(5, 42, 1, 8));
    expect(draws(5, 42)).not.toEqual(draws(5, 43));
  });

  it('draws in [0, 1) and integers within both bounds', () => {
    const rng = seededRandom(1);
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      ints.add(rng.int(3, 5));
    }
    expect([...ints].sort()).toEqual([3, 4, 5]);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => seededRandom(1).pick([])).toThrow(/empty list/);
  });
});

describe('weightedPicker', () => {
  it('picks in proportion to the weights and never a zero-weight value', () => {
    const pick = weightedPicker([
      ['a', 3],
      ['never', 0],
      ['b', 1],
    ] as const);
    const rng = seededRandom(9);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 8000; i++) counts[pick(rng)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / 8000).toBeGreaterThan(0.72);
    expect(counts.a / 8000).toBeLessThan(0.78);
  });

  it('rejects weights that sum to zero', () => {
    expect(() => weightedPicker([['a', 0]])).toThrow(/sum to 0/);
  });
});
