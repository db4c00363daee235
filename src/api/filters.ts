import { z } from 'zod';
import {
  AgeBand,
  CategoryCode,
  Marker,
  NeedStatus,
  OrganizationKind,
  PersonRole,
  ReferralReason,
  ReferralStatus,
  RelationshipStatus,
  RelationshipType,
  ServiceStatus,
  Urgency,
  idOf,
} from '../domain/model';
import { ID_PATTERN } from '../domain/ids';
import { parseInput } from '../errors/fromZodError';

/**
 * List filters as zod schemas: GraphQL has already checked enum values, so
 * these catch malformed ids (BAD_USER_INPUT at filter.<field>) before any store call.
 */
const opt = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? undefined);
const strip = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };

export const TownshipFilterInput = z.object({ kind: opt(z.enum(['SUBDISTRICT', 'TOWN'])) });
export const VillageFilterInput = z.object({ townshipId: opt(idOf('Township')), type: opt(z.enum(['VILLAGE', 'COMMUNITY'])) });
export const HouseholdFilterInput = z.object({
  villageId: opt(idOf('Village')),
  townshipId: opt(idOf('Township')),
  marker: opt(Marker),
  ageBand: opt(AgeBand),
});
export const NeedFilterInput = z.object({
  householdId: opt(idOf('Household')),
  villageId: opt(idOf('Village')),
  townshipId: opt(idOf('Township')),
  category: opt(CategoryCode),
  status: opt(NeedStatus),
  urgency: opt(Urgency),
});
export const OrganizationFilterInput = z.object({ kind: opt(OrganizationKind), townshipId: opt(idOf('Township')) });
export const ServiceFilterInput = z.object({
  category: opt(CategoryCode),
  organizationId: opt(idOf('Organization')),
  status: opt(ServiceStatus),
  online: opt(z.boolean()),
});
export const PersonFilterInput = z.object({
  role: opt(PersonRole),
  villageId: opt(idOf('Village')),
  townshipId: opt(idOf('Township')),
  organizationId: opt(idOf('Organization')),
});
export const RelationshipFilterInput = z.object({
  nodeId: opt(z.string().regex(ID_PATTERN, { message: 'must be an id like org_network' })),
  status: opt(RelationshipStatus),
  type: opt(RelationshipType),
});
export const StakeholderFilterInput = z.object({
  kind: opt(z.enum(['ORGANIZATION', 'PERSON'])),
  status: opt(RelationshipStatus),
});

export function parseFilter<T extends z.ZodObject>(schema: T, raw: unknown): { [K in keyof z.infer<T>]?: Exclude<z.infer<T>[K], undefined> } {
  return strip(parseInput(schema, raw ?? {}, ['filter']) as Record<string, unknown>) as never;
}

export const ReferralFilterInput = z.object({
  needId: opt(idOf('Need')),
  serviceId: opt(idOf('Service')),
  organizationId: opt(idOf('Organization')),
  householdId: opt(idOf('Household')),
  status: opt(ReferralStatus),
  reason: opt(ReferralReason),
});
export const AssistanceFilterInput = z.object({
  needId: opt(idOf('Need')),
  referralId: opt(idOf('Referral')),
});
