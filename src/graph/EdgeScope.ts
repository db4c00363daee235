import type { RelationshipStatus } from '../domain/model';

/**
 * Which edges a metric counts. Every metric takes these options; each states
 * its default.
 */
export interface EdgeScope {
  /** Edge statuses that count (PROSPECTIVE ones only in what-if views). */
  statuses?: readonly RelationshipStatus[];
  /**
   * Count only edges a referral can travel (true), or also the geographic
   * village → township edges (false). True by default everywhere: with
   * geography, every village of a township is glued into one component and
   * the township becomes the top "broker" for no reason other than the map.
   */
  traversableOnly?: boolean;
}

/** The network as it stands and is being built: the default of the network metrics. */
export const NETWORK_SCOPE: Required<EdgeScope> = { statuses: ['ESTABLISHED', 'BUILDING'], traversableOnly: true };

/** The routes a referral can rely on today: the default of articulationPoints and cutOffBy. */
export const ESTABLISHED_TRUST_SCOPE: Required<EdgeScope> = { statuses: ['ESTABLISHED'], traversableOnly: true };
