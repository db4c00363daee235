import { mulberry32 } from '../domain/mulberry32';

/**
 * A small deterministic PRNG (src/domain/mulberry32) with the few draws the seed needs.
 * Streams are keyed by numbers (the run's seed, a stream label, a sequence
 * number), so household #n gets the same draws however many households are
 * generated and in whatever batches: the first N rows of any run are equal.
 * Not for anything security-related.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(...keys: number[]): Rng {
  const next = mulberry32(mixKeys(keys));
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('seed/seededRandom: cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/** A picker over fixed weights: cumulative sums once, a binary search per draw. */
export function weightedPicker<T>(entries: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const values = entries.map(([value]) => value);
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (!(weight >= 0) || !Number.isFinite(weight)) {
      throw new Error(`seed/weightedPicker: weight for ${String(value)} must be a finite number >= 0, got ${weight}`);
    }
    total += weight;
    cumulative.push(total);
  }
  if (total <= 0) throw new Error('seed/weightedPicker: the weights sum to 0; give at least one a positive weight');
  return (rng) => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return values[lo] as T;
  };
}

// Private:

/** murmur3's finaliser over each key: nearby seeds (1, 2, 3…) give unrelated streams. */
function mixKeys(keys: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) {
    h ^= Math.imul((key | 0) ^ Math.floor(key / 4294967296), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h | 0;
}
