import type { RelationshipStatus } from '../domain/model';
import type { StakeholderEdgeAttributes, StakeholderEdgeSource, StakeholderEdgeType } from './StakeholderGraph';

/** Edge attributes with the defaults every derived link shares: traversable, no dates, no record id. */
export function stakeholderEdge(
  type: StakeholderEdgeType,
  status: RelationshipStatus,
  source: StakeholderEdgeSource,
  extra: Partial<Pick<StakeholderEdgeAttributes, 'since' | 'until' | 'relationshipId' | 'traversable'>> = {},
): StakeholderEdgeAttributes {
  return {
    type,
    status,
    since: extra.since ?? null,
    until: extra.until ?? null,
    source,
    traversable: extra.traversable ?? true,
    relationshipId: extra.relationshipId ?? null,
  };
}
