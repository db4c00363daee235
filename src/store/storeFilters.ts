import { z } from 'zod';
import type { EntityKind } from '../domain/ids';
import {
  AgeBand,
  AuditEvent,
  Marker,
  NeedStatus,
  OrganizationKind,
  PersonRole,
  ReferralReason,
  ReferralStatus,
  RelationshipStatus,
  RelationshipType,
  ServiceStatus,
  Township,
  Urgency,
  Village,
} from '../domain/model';

/**
 * The list filters of the store port, one zod object per kind: every field
 * optional, all given fields must match. GraphStore.ts derives FilterMap (and
 * HouseholdFilter …) from these, and the Neo4j adapter takes its filter
 * parameters from their keys, so a new filter is one field here, the memory
 * adapter's index function (MemoryGraph INDEXED_FIELDS, a compile error until
 * written) and the kind's `cypher/filters/<Kind>.cypher` (start-up fails until
 * it takes the new `$parameter`). See src/store/neo4j/README.md.
 */
export const STORE_FILTERS = {
  Township: z.object({ kind: Township.shape.kind.optional() }),
  Village: z.object({ townshipId: z.string().optional(), type: Village.shape.type.optional() }),
  Household: z.object({
    villageId: z.string().optional(),
    townshipId: z.string().optional(),
    marker: Marker.optional(),
    ageBand: AgeBand.optional(),
    synthetic: z.boolean().optional(),
    /** Borrowers of one credit officer: households whose loan.creditOfficerId is this Person id (issue 15 item 3). */
    creditOfficerId: z.string().optional(),
  }),
  Need: z.object({
    householdId: z.string().optional(),
    villageId: z.string().optional(),
    townshipId: z.string().optional(),
    category: z.string().optional(),
    status: NeedStatus.optional(),
    urgency: Urgency.optional(),
  }),
  Person: z.object({
    role: PersonRole.optional(),
    villageId: z.string().optional(),
    townshipId: z.string().optional(),
    organizationId: z.string().optional(),
  }),
  Organization: z.object({ kind: OrganizationKind.optional(), townshipId: z.string().optional() }),
  Service: z.object({
    category: z.string().optional(),
    organizationId: z.string().optional(),
    status: ServiceStatus.optional(),
    online: z.boolean().optional(),
  }),
  Relationship: z.object({
    /** either end */
    nodeId: z.string().optional(),
    fromId: z.string().optional(),
    toId: z.string().optional(),
    status: RelationshipStatus.optional(),
    type: RelationshipType.optional(),
  }),
  Referral: z.object({
    needId: z.string().optional(),
    serviceId: z.string().optional(),
    organizationId: z.string().optional(),
    householdId: z.string().optional(),
    status: ReferralStatus.optional(),
    reason: ReferralReason.optional(),
  }),
  Assistance: z.object({ needId: z.string().optional(), referralId: z.string().optional() }),
  Consent: z.object({ householdId: z.string().optional() }),
  AuditEvent: z.object({
    actorId: z.string().optional(),
    entityId: z.string().optional(),
    action: AuditEvent.shape.action.optional(),
  }),
} as const satisfies { readonly [K in EntityKind]: z.ZodObject };

/** The filter fields of `kind`, in their declared order. */
export function filterKeysOf(kind: EntityKind): readonly string[] {
  return Object.keys(STORE_FILTERS[kind].shape);
}
