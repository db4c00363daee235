import { NETWORK_SCOPE, type EdgeScope } from './EdgeScope';
import { projectEdgeScope } from './projectEdgeScope';
import type { StakeholderGraph } from './StakeholderGraph';

/**
 * Stakeholders with no link in scope (default: ESTABLISHED and BUILDING
 * traversable edges), sorted by id: the villages nobody serves yet, the
 * organisations nobody works with. Filter by node kind for one list.
 */
export function isolatedStakeholders(graph: StakeholderGraph, options: EdgeScope = {}): string[] {
  const projection = projectEdgeScope(graph, options, NETWORK_SCOPE);
  return projection.ids.filter((_id, i) => (projection.neighbours[i] as readonly number[]).length === 0);
}
