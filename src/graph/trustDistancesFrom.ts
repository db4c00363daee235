import { searchTrustPaths } from './searchTrustPaths';
import type { TrustNetwork } from './TrustNetwork';
import type { TrustDistances, TrustPathOptions } from './TrustPathTypes';

/**
 * Best trust paths from one node to every node it can reach, in one Dijkstra
 * run: matching scores all candidate services of a household at once, then
 * asks `pathTo(serviceId)` for the few it shows. Same costs, exclusions and
 * tie-breaking as trustPath (see searchTrustPaths).
 */
export function trustDistancesFrom(network: TrustNetwork, fromId: string, options: TrustPathOptions = {}): TrustDistances {
  return searchTrustPaths(network, fromId, options, 'trustDistancesFrom');
}
