import type { EdgeScope } from './EdgeScope';
import type { StakeholderGraph } from './StakeholderGraph';

/**
 * The simple undirected graph a metric runs on: every node of the projection,
 * and one edge per pair of distinct nodes linked by at least one edge in
 * scope. Nodes are indexed in sorted id order (UTF-16 code units) and each
 * neighbour list is sorted, so every algorithm over it is deterministic
 * whatever order the snapshot came in.
 */
export interface ScopedProjection {
  ids: readonly string[];
  indexOf: ReadonlyMap<string, number>;
  neighbours: ReadonlyArray<readonly number[]>;
  /** Distinct linked pairs. */
  edgeCount: number;
}

export function projectEdgeScope(
  graph: StakeholderGraph,
  scope: EdgeScope,
  defaults: Required<EdgeScope>,
): ScopedProjection {
  const statuses = new Set(scope.statuses ?? defaults.statuses);
  const traversableOnly = scope.traversableOnly ?? defaults.traversableOnly;
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units.
  const ids = graph.nodes().sort();
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const lists: number[][] = ids.map(() => []);
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (!statuses.has(attributes.status)) return;
    if (traversableOnly && !attributes.traversable) return;
    const s = indexOf.get(source) as number;
    const t = indexOf.get(target) as number;
    (lists[s] as number[]).push(t);
    (lists[t] as number[]).push(s);
  });
  let degreeSum = 0;
  for (const list of lists) {
    sortUnique(list);
    degreeSum += list.length;
  }
  return { ids, indexOf, neighbours: lists, edgeCount: degreeSum / 2 };
}

// Private:

/** Sorts ascending and drops repeats (parallel links), in place. */
function sortUnique(list: number[]): void {
  if (list.length < 2) return;
  list.sort((a, b) => a - b);
  let kept = 1;
  for (let i = 1; i < list.length; i++) {
    if (list[i] !== list[kept - 1]) list[kept++] = list[i] as number;
  }
  list.length = kept;
}
