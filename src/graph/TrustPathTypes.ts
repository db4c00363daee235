import type { RelationshipStatus } from '../domain/model';
import type { StakeholderEdgeType } from './StakeholderGraph';

/** The statuses a referral may travel through; PROSPECTIVE links never carry one. */
export type TrustStatus = Exclude<RelationshipStatus, 'PROSPECTIVE'>;

export interface TrustPathOptions {
  /** Extra cost of a BUILDING link over an ESTABLISHED one (which costs 1). Default 2; must be ≥ 0. */
  buildingPenalty?: number;
  /** Whether BUILDING links may be used at all. Default true. */
  allowBuilding?: boolean;
  /**
   * Nodes a path must never visit, as intermediate or end (consent: the
   * household has not agreed to share with these organisations).
   */
  excludeNodeIds?: Iterable<string>;
  /** Stop exploring beyond this cost. Default Infinity. */
  maxCost?: number;
}

export interface TrustStep {
  fromId: string;
  toId: string;
  type: StakeholderEdgeType;
  status: TrustStatus;
  since: string | null;
  /** The graph edge taken (a relationship id, or a derived key like "per_1|SERVES|vil_…"). */
  edgeKey: string;
}

export interface TrustDistance {
  cost: number;
  hops: number;
  /** The worst status along the path; ESTABLISHED for the empty path. */
  weakestStatus: TrustStatus;
}

export interface TrustPath extends TrustDistance {
  fromId: string;
  toId: string;
  steps: TrustStep[];
}

export interface TrustDistances {
  fromId: string;
  /** Every node reachable from fromId (itself included, at cost 0) within maxCost. */
  distances: ReadonlyMap<string, TrustDistance>;
  /** The best path to toId, or null when it is unreachable; O(hops). */
  pathTo(toId: string): TrustPath | null;
}
