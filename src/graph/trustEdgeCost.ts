import type { StakeholderEdgeAttributes } from './StakeholderGraph';

export const DEFAULT_BUILDING_PENALTY = 2;

/**
 * What a referral pays to cross one edge, or null when it may not cross it:
 * ESTABLISHED costs 1, BUILDING 1 + buildingPenalty (or null when building
 * links are not allowed), PROSPECTIVE and non-traversable edges are null.
 * Every usable edge costs at least 1, which the path search relies on.
 */
export function trustEdgeCost(
  attributes: StakeholderEdgeAttributes,
  options: { buildingPenalty: number; allowBuilding: boolean },
): number | null {
  if (!attributes.traversable) return null;
  switch (attributes.status) {
    case 'ESTABLISHED':
      return 1;
    case 'BUILDING':
      return options.allowBuilding ? 1 + options.buildingPenalty : null;
    case 'PROSPECTIVE':
      return null;
    default: {
      const never: never = attributes.status;
      return never;
    }
  }
}
