import { undirectedDensity } from 'graphology-metrics/graph/density';
import { NETWORK_SCOPE, type EdgeScope } from './EdgeScope';
import { projectEdgeScope } from './projectEdgeScope';
import type { StakeholderGraph } from './StakeholderGraph';

/**
 * Share of possible links that exist: 2m / (n(n − 1)) over the scoped simple
 * projection (default scope: ESTABLISHED and BUILDING traversable edges), so
 * parallel links never push it past 1. 0 for a graph of fewer than two nodes.
 */
export function density(graph: StakeholderGraph, options: EdgeScope = {}): number {
  const projection = projectEdgeScope(graph, options, NETWORK_SCOPE);
  const n = projection.ids.length;
  return n < 2 ? 0 : undirectedDensity(n, projection.edgeCount);
}
