/**
 * mulberry32: a small seeded pseudo-random generator in [0, 1). The one
 * generator of the project — sampled metrics (src/graph) and the synthetic
 * seed (src/seed) draw from it, so tests and reports are reproducible for a
 * given seed. Not for anything security-related.
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
