/**
 * A sorted set kept as a list of small sorted arrays ("chunks"). It gives the
 * memory store ordered iteration from any key (keyset pagination) with
 * O(log n) lookups and inserts that move at most one chunk, instead of the
 * O(n) splice a single sorted array needs at a million ids. Bulk loads go
 * through addMany, which merges a sorted batch in one pass over the chunks.
 *
 * Values must be totally ordered by `compare`; equal values are one element.
 */
export class SortedChunkList<T> {
  private chunks: T[][] = [];
  private count = 0;

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly maxChunk = 1024,
  ) {
    if (!Number.isInteger(maxChunk) || maxChunk < 4) {
      throw new Error(`store/SortedChunkList: maxChunk must be an integer >= 4, got ${maxChunk}`);
    }
  }

  get size(): number {
    return this.count;
  }

  has(value: T): boolean {
    const chunk = this.chunks[this.chunkHolding(value)];
    if (chunk === undefined) return false;
    const at = this.lowerBound(chunk, value);
    return at < chunk.length && this.compare(chunk[at] as T, value) === 0;
  }

  /** Adds `value`; false when an equal value is already present. */
  add(value: T): boolean {
    const last = this.chunks[this.chunks.length - 1];
    if (last === undefined) {
      this.chunks.push([value]);
      this.count = 1;
      return true;
    }
    // Fast path: ids generated in sequence arrive in order.
    const tail = last[last.length - 1] as T;
    const order = this.compare(value, tail);
    if (order === 0) return false;
    let index: number;
    let chunk: T[];
    if (order > 0) {
      index = this.chunks.length - 1;
      chunk = last;
      chunk.push(value);
    } else {
      index = this.chunkHolding(value);
      chunk = this.chunks[index] as T[];
      const at = this.lowerBound(chunk, value);
      if (at < chunk.length && this.compare(chunk[at] as T, value) === 0) return false;
      chunk.splice(at, 0, value);
    }
    this.count += 1;
    if (chunk.length > this.maxChunk) {
      const half = chunk.length >> 1;
      this.chunks.splice(index, 1, chunk.slice(0, half), chunk.slice(half));
    }
    return true;
  }

  /** Adds every value (any order, duplicates allowed); returns how many were new. */
  addMany(values: readonly T[]): number {
    if (values.length === 0) return 0;
    if (values.length < 8) return values.reduce((added, v) => added + (this.add(v) ? 1 : 0), 0);
    const sorted = [...values].sort(this.compare);
    const before = this.count;
    const rebuilt: T[][] = [];
    let next = 0;
    const lastIndex = this.chunks.length - 1;
    this.chunks.forEach((chunk, index) => {
      const ceiling = chunk[chunk.length - 1] as T;
      const start = next;
      while (next < sorted.length && (index === lastIndex || this.compare(sorted[next] as T, ceiling) <= 0)) next += 1;
      if (start === next) {
        rebuilt.push(chunk);
      } else {
        this.pushSplit(rebuilt, this.merge(chunk, sorted, start, next));
      }
    });
    if (next < sorted.length) this.pushSplit(rebuilt, this.merge([], sorted, next, sorted.length));
    this.chunks = rebuilt;
    this.count = rebuilt.reduce((n, chunk) => n + chunk.length, 0);
    return this.count - before;
  }

  /** Removes `value`; false when it was absent. */
  delete(value: T): boolean {
    const index = this.chunkHolding(value);
    const chunk = this.chunks[index];
    if (chunk === undefined) return false;
    const at = this.lowerBound(chunk, value);
    if (at >= chunk.length || this.compare(chunk[at] as T, value) !== 0) return false;
    chunk.splice(at, 1);
    this.count -= 1;
    if (chunk.length === 0) this.chunks.splice(index, 1);
    return true;
  }

  /** Values in order, starting strictly after `after` (from the first value when `after` is undefined). */
  *valuesAfter(after?: T): Generator<T, void, undefined> {
    let chunkIndex = 0;
    let at = 0;
    if (after !== undefined) {
      chunkIndex = this.firstChunkAbove(after);
      const chunk = this.chunks[chunkIndex];
      if (chunk === undefined) return;
      at = this.upperBound(chunk, after);
    }
    for (; chunkIndex < this.chunks.length; chunkIndex += 1) {
      const chunk = this.chunks[chunkIndex] as T[];
      for (; at < chunk.length; at += 1) yield chunk[at] as T;
      at = 0;
    }
  }

  values(): Generator<T, void, undefined> {
    return this.valuesAfter();
  }

  clear(): void {
    this.chunks = [];
    this.count = 0;
  }

  // Private: binary searches over chunks and within one chunk.

  /** The chunk that holds (or would hold) `value`: the first whose last element is >= value; -1 when empty. */
  private chunkHolding(value: T): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid] as T[];
      if (this.compare(chunk[chunk.length - 1] as T, value) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first chunk whose last element is > value (chunks.length when none). */
  private firstChunkAbove(value: T): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid] as T[];
      if (this.compare(chunk[chunk.length - 1] as T, value) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private lowerBound(chunk: readonly T[], value: T): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(chunk[mid] as T, value) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private upperBound(chunk: readonly T[], value: T): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(chunk[mid] as T, value) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Sorted union of `chunk` and sorted[start, end), dropping duplicates. */
  private merge(chunk: readonly T[], sorted: readonly T[], start: number, end: number): T[] {
    const out: T[] = [];
    let i = 0;
    let j = start;
    while (i < chunk.length || j < end) {
      let pick: T;
      if (j >= end) pick = chunk[i++] as T;
      else if (i >= chunk.length) pick = sorted[j++] as T;
      else {
        const order = this.compare(chunk[i] as T, sorted[j] as T);
        if (order <= 0) {
          pick = chunk[i++] as T;
          if (order === 0) j += 1;
        } else pick = sorted[j++] as T;
      }
      if (out.length === 0 || this.compare(out[out.length - 1] as T, pick) !== 0) out.push(pick);
    }
    return out;
  }

  private pushSplit(into: T[][], merged: T[]): void {
    if (merged.length <= this.maxChunk) {
      if (merged.length > 0) into.push(merged);
      return;
    }
    const size = this.maxChunk >> 1;
    for (let at = 0; at < merged.length; at += size) into.push(merged.slice(at, at + size));
  }
}

/** Plain code-unit order, the order ids page in (ids are ASCII, so this is also Neo4j's order). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
