import { searchTrustPaths } from './searchTrustPaths';
import type { TrustNetwork } from './TrustNetwork';
import type { TrustPath, TrustPathOptions } from './TrustPathTypes';

/**
 * The best path for a referral from one stakeholder to another, or null when
 * there is none: PROSPECTIVE and non-traversable links are never used,
 * ESTABLISHED links cost 1 and BUILDING ones 1 + buildingPenalty; ties go to
 * fewer hops, then the lexicographically smallest node-id sequence (see
 * searchTrustPaths). from === to is the empty path (cost 0, no steps). Stops
 * as soon as the target's path is final.
 */
export function trustPath(network: TrustNetwork, fromId: string, toId: string, options: TrustPathOptions = {}): TrustPath | null {
  return searchTrustPaths(network, fromId, options, 'trustPath', toId).pathTo(toId);
}
