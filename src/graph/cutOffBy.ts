import { ESTABLISHED_TRUST_SCOPE, type EdgeScope } from './EdgeScope';
import { projectEdgeScope, type ScopedProjection } from './projectEdgeScope';
import type { StakeholderGraph } from './StakeholderGraph';

export interface CutOffByOptions extends EdgeScope {
  /**
   * The nodes that matter, e.g. the ACTIVE services of one category: a node is
   * cut off when it can reach one of them now and none once nodeId is gone.
   */
  hubIds: Iterable<string>;
}

/**
 * What depends on nodeId alone to reach the hubs: the nodes (sorted ids,
 * nodeId itself excluded) that reach at least one hub now and none without
 * nodeId. Default scope: ESTABLISHED traversable edges. Example: "which
 * villages lose every path to an active medical service if this township
 * station goes?" is cutOffBy(graph, stationId, { hubIds: medicalServiceIds })
 * filtered to village nodes. Removing a hub removes it as a hub too. Two
 * breadth-first searches, O(n + m).
 */
export function cutOffBy(graph: StakeholderGraph, nodeId: string, options: CutOffByOptions): string[] {
  if (!graph.hasNode(nodeId)) {
    throw new Error(`graph/cutOffBy: nodeId "${nodeId}" is not a node of the graph; pass the id of a stakeholder in the snapshot`);
  }
  const projection = projectEdgeScope(graph, options, ESTABLISHED_TRUST_SCOPE);
  const hubs: number[] = [];
  for (const id of options.hubIds) {
    const index = projection.indexOf.get(id);
    if (index === undefined) {
      throw new Error(`graph/cutOffBy: hub "${id}" is not a node of the graph; pass ids of stakeholders in the snapshot`);
    }
    hubs.push(index);
  }
  if (hubs.length === 0) {
    throw new Error('graph/cutOffBy: options.hubIds is empty; name at least one node everything should stay connected to');
  }
  const removed = projection.indexOf.get(nodeId) as number;
  const before = reachableFrom(projection, hubs, -1);
  const after = reachableFrom(projection, hubs, removed);
  return projection.ids.filter((_id, v) => v !== removed && before[v] === 1 && after[v] === 0);
}

// Private:

/** 1 for every node reachable from some source without passing through `removed` (−1: none). */
function reachableFrom(projection: ScopedProjection, sources: readonly number[], removed: number): Uint8Array {
  const seen = new Uint8Array(projection.ids.length);
  const queue: number[] = [];
  for (const s of sources) {
    if (s !== removed && !seen[s]) {
      seen[s] = 1;
      queue.push(s);
    }
  }
  while (queue.length > 0) {
    const v = queue.pop() as number;
    for (const w of projection.neighbours[v] as readonly number[]) {
      if (w !== removed && !seen[w]) {
        seen[w] = 1;
        queue.push(w);
      }
    }
  }
  return seen;
}
