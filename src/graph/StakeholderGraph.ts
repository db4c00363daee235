import type { MultiUndirectedGraph } from 'graphology';
import type {
  OrganizationKind,
  PersonRole,
  RelationshipStatus,
  RelationshipType,
  ServiceStatus,
} from '../domain/model';

/**
 * The stakeholder projection: one node per township, village, person,
 * organisation and service; one edge per link between them.
 *
 * Why a multigraph: two stakeholders can be linked several ways at once (a
 * person MEMBER_OF an organisation by assignment and, say, a BUILDING PARTNER
 * relationship with it). Keeping every link preserves its provenance and
 * status; trust paths pick the cheapest parallel edge, and the metrics work on
 * a simple projection (distinct neighbour pairs, see projectEdgeScope), so a
 * pair linked twice is not counted as two shortest paths or two degrees.
 */

export type StakeholderNodeKind = 'township' | 'village' | 'person' | 'organization' | 'service' | 'household';

interface NodeBase {
  label: string;
  /**
   * Home township, for grouping and for "which townships does this broker
   * bridge": a township's own id; a village's township; an organisation's
   * township (or its village's); a service's organisation's; a person's first
   * assigned township (else their first village's, else their organisation's);
   * null when none is known.
   */
  townshipId: string | null;
  synthetic: boolean;
}

export type TownshipNodeAttributes = NodeBase & { kind: 'township' };
export type VillageNodeAttributes = NodeBase & {
  kind: 'village';
  villageType: 'VILLAGE' | 'COMMUNITY';
  households: number;
  vulnerableHouseholds: number;
};
export type PersonNodeAttributes = NodeBase & {
  kind: 'person';
  roles: readonly PersonRole[];
  organizationId: string | null;
};
export type OrganizationNodeAttributes = NodeBase & { kind: 'organization'; organizationKind: OrganizationKind };
export type ServiceNodeAttributes = NodeBase & {
  kind: 'service';
  organizationId: string;
  categories: readonly string[];
  /** Availability is a node fact, not an edge status: matching filters on it. */
  serviceStatus: ServiceStatus;
  online: boolean;
};
/** Only ever present in a household overlay (withHousehold); carries no personal data. */
export type HouseholdNodeAttributes = NodeBase & { kind: 'household'; villageId: string };

export type StakeholderNodeAttributes =
  | TownshipNodeAttributes
  | VillageNodeAttributes
  | PersonNodeAttributes
  | OrganizationNodeAttributes
  | ServiceNodeAttributes
  | HouseholdNodeAttributes;

/** Relationship types plus the links the projection derives from records. */
export type StakeholderEdgeType = RelationshipType | 'OFFERED_BY' | 'IN_TOWNSHIP' | 'LIVES_IN' | 'LOAN';

/**
 * Where an edge comes from: a Relationship record; a person's assignment
 * (villageIds, townshipIds, organizationId); the structure of the records
 * (service → organisation, village → township); or a household overlay.
 */
export type StakeholderEdgeSource = 'relationship' | 'assignment' | 'structure' | 'household';

export type StakeholderEdgeAttributes = {
  type: StakeholderEdgeType;
  status: RelationshipStatus;
  since: string | null;
  until: string | null;
  source: StakeholderEdgeSource;
  /**
   * Whether a referral may travel along this edge at all (its status decides
   * the cost). False only for IN_TOWNSHIP: lying in a township's territory
   * makes nobody there know the village, and letting geography carry trust
   * would make every pair of villages in a township two cheap hops apart
   * (village → township → village), short-circuiting the people who actually
   * carry referrals.
   */
  traversable: boolean;
  /** The Relationship record's id when source is 'relationship', else null. */
  relationshipId: string | null;
};

/**
 * A link the builder left out, so a caller can log it: an id the snapshot
 * does not hold (a deleted person, a relationship to a household) or a
 * relationship from a node to itself.
 */
export interface SkippedReference {
  /** The record holding the reference (a relationship, person, service or village id). */
  recordId: string;
  field: string;
  referencedId: string;
  reason: 'MISSING_NODE' | 'SELF_LOOP';
}

export type StakeholderGraphAttributes = {
  skippedReferences: SkippedReference[];
};

export type StakeholderGraph = MultiUndirectedGraph<
  StakeholderNodeAttributes,
  StakeholderEdgeAttributes,
  StakeholderGraphAttributes
>;
