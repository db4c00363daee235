import { islandsWithout, type StakeholderGraph } from '../../graph';

/**
 * Which stakeholders can reach which through ESTABLISHED links alone: node
 * id → the index of its island (graph/islandsWithout, default scope). Two
 * nodes share an index exactly when an ESTABLISHED-only trust path joins
 * them, i.e. when trustDistancesFrom(graph, a, { allowBuilding: false })
 * reaches b — the same edges (ESTABLISHED and traversable), with no cost
 * limit, so reachability is connectivity
 * (test/unit/services/coverage.reach.test.ts checks the two agree). One pass
 * answers every village at once instead of one path search per village,
 * which is what lets singlePointsOfFailure redo it for every articulation
 * point, each time without that point (`removedIds`).
 *
 * A node missing from the map (removed, or not in the graph) reaches nothing.
 */
export function establishedReach(graph: StakeholderGraph, removedIds: Iterable<string> = []): ReadonlyMap<string, number> {
  return islandsWithout(graph, removedIds, { statuses: ['ESTABLISHED'] });
}

/** Whether a and b are joined by ESTABLISHED links (false when either is not in the map). */
export function reaches(reach: ReadonlyMap<string, number>, a: string, b: string): boolean {
  const island = reach.get(a);
  return island !== undefined && island === reach.get(b);
}
