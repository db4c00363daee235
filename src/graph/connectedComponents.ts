import { connectedComponents as graphologyConnectedComponents } from 'graphology-components';
import { NETWORK_SCOPE, type EdgeScope } from './EdgeScope';
import { projectEdgeScope } from './projectEdgeScope';
import { projectionGraph } from './projectionGraph';
import type { StakeholderGraph } from './StakeholderGraph';

/**
 * The islands of the network over edges in scope (default: ESTABLISHED and
 * BUILDING traversable edges), largest first; ties by smallest member id.
 * Each component's ids are sorted. An isolated node is a component of one.
 */
export function connectedComponents(graph: StakeholderGraph, options: EdgeScope = {}): string[][] {
  const components = graphologyConnectedComponents(projectionGraph(projectEdgeScope(graph, options, NETWORK_SCOPE)));
  for (const c of components) c.sort(compareIds);
  return components.sort((a, b) => b.length - a.length || compareIds(a[0] as string, b[0] as string));
}

// Private:

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
