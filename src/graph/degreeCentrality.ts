import { NETWORK_SCOPE, type EdgeScope } from './EdgeScope';
import { projectEdgeScope } from './projectEdgeScope';
import type { StakeholderGraph } from './StakeholderGraph';

export interface DegreeCentrality {
  /** Distinct neighbours linked by an edge in scope. */
  degree: number;
  /** degree / (n − 1), as graphology-metrics normalises it; 0 in a graph of one node. */
  centrality: number;
}

/**
 * Degree centrality of every node on the scoped simple projection (default
 * scope: ESTABLISHED and BUILDING traversable edges). A pair linked several
 * ways counts once: a person who is both assigned to and partnered with an
 * organisation knows one organisation, not two.
 */
export function degreeCentrality(graph: StakeholderGraph, options: EdgeScope = {}): Map<string, DegreeCentrality> {
  const projection = projectEdgeScope(graph, options, NETWORK_SCOPE);
  const n = projection.ids.length;
  const result = new Map<string, DegreeCentrality>();
  projection.ids.forEach((id, i) => {
    const degree = (projection.neighbours[i] as readonly number[]).length;
    result.set(id, { degree, centrality: n > 1 ? degree / (n - 1) : 0 });
  });
  return result;
}
