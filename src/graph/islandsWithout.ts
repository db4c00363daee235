import { ESTABLISHED_TRUST_SCOPE, type EdgeScope } from './EdgeScope';
import { projectEdgeScope } from './projectEdgeScope';
import type { StakeholderGraph } from './StakeholderGraph';

/**
 * The islands of the scoped network (default scope: ESTABLISHED traversable
 * edges, what a referral can rely on today) with some nodes taken out, as
 * node id → island index; removed nodes are absent. Two nodes share an
 * index exactly when a path in scope avoiding the removed nodes joins them.
 *
 * The what-if question "who still reaches whom without X?" asked for every
 * articulation point: one projection and one breadth-first search, O(n + m),
 * without copying the graph. Island indices follow sorted node ids (the
 * island holding the smallest id is 0), so the result is deterministic.
 */
export function islandsWithout(graph: StakeholderGraph, removedIds: Iterable<string>, options: EdgeScope = {}): Map<string, number> {
  const projection = projectEdgeScope(graph, options, ESTABLISHED_TRUST_SCOPE);
  const n = projection.ids.length;
  const island = new Int32Array(n).fill(-1);
  for (const id of removedIds) {
    const index = projection.indexOf.get(id);
    if (index === undefined) {
      throw new Error(`graph/islandsWithout: "${id}" is not a node of the graph; remove only stakeholders of the snapshot`);
    }
    island[index] = -2;
  }
  const result = new Map<string, number>();
  const queue: number[] = [];
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (island[start] !== -1) continue;
    island[start] = next;
    queue.push(start);
    while (queue.length > 0) {
      const v = queue.pop() as number;
      result.set(projection.ids[v] as string, next);
      for (const w of projection.neighbours[v] as readonly number[]) {
        if (island[w] === -1) {
          island[w] = next;
          queue.push(w);
        }
      }
    }
    next++;
  }
  return result;
}
