import { z } from 'zod';
import { kindOfId, newId } from '../domain/ids';
import {
  AgeBand,
  CategoryCode,
  GeoPoint,
  IsoDate,
  Marker,
  Organization,
  OrganizationKind,
  Relationship,
  RelationshipStatus,
  RelationshipType,
  Service,
  ServiceStatus,
  idOf,
  type Person,
} from '../domain/model';
import { NETWORK_HUB_ID } from '../domain/networkHub';
import { badInput, HuzhuError, underInput } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import { STAKEHOLDER_KINDS, type GraphStore } from '../store/GraphStore';
import { listAll } from './listAll';
import { assertCategoriesExist } from './households';
import type { ServiceContext } from './ServiceContext';

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

export const AddOrganizationInput = z.object({
  name: Organization.shape.name,
  nameEn: nullable(Organization.shape.nameEn.unwrap()),
  kind: OrganizationKind,
  townshipId: nullable(idOf('Township')),
  villageId: nullable(idOf('Village')),
  location: nullable(GeoPoint),
  description: nullable(z.string().max(2000)).transform((v) => v ?? ''),
});

export async function addOrganization(ctx: ServiceContext, rawInput: unknown): Promise<Organization> {
  const input = parseInput(AddOrganizationInput, rawInput, ['input']);
  const org = parseInput(Organization, { id: newId('Organization'), ...input, synthetic: false }, ['input']);
  return underInput(['input'], ctx.store.create('Organization', org));
}

const AreaInput = z
  .object({
    kind: z.enum(['COUNTY', 'TOWNSHIPS', 'VILLAGES', 'RADIUS']),
    townshipIds: z.array(idOf('Township')).nullish(),
    villageIds: z.array(idOf('Village')).nullish(),
    km: z.number().nullish(),
  })
  .transform((a) => {
    switch (a.kind) {
      case 'COUNTY':
        return { kind: a.kind };
      case 'TOWNSHIPS':
        return { kind: a.kind, townshipIds: a.townshipIds ?? [] };
      case 'VILLAGES':
        return { kind: a.kind, villageIds: a.villageIds ?? [] };
      case 'RADIUS':
        return { kind: a.kind, km: a.km ?? 0 };
      default: {
        const never: never = a.kind;
        return never;
      }
    }
  });

export const AddServiceInput = z.object({
  organizationId: idOf('Organization'),
  name: Service.shape.name,
  description: nullable(z.string().max(2000)).transform((v) => v ?? ''),
  categories: z.array(CategoryCode).min(1, { message: 'must name at least one category' }),
  eligibility: z
    .object({
      ageBands: z.array(AgeBand).nullish().transform((v) => v ?? []),
      requiredMarkers: z.array(Marker).nullish().transform((v) => v ?? []),
      anyOfMarkers: z.array(Marker).nullish().transform((v) => v ?? []),
      residencyTownshipIds: z.array(idOf('Township')).nullish().transform((v) => v ?? []),
    })
    .nullish()
    .transform((v) => v ?? { ageBands: [], requiredMarkers: [], anyOfMarkers: [], residencyTownshipIds: [] }),
  capacity: nullable(z.number().int().min(0, { message: 'must be 0 or more (null: no stated limit)' })),
  location: nullable(GeoPoint),
  online: z.boolean().nullish().transform((v) => v ?? false),
  area: AreaInput,
  status: ServiceStatus.nullish().transform((v) => v ?? 'ACTIVE'),
});

export async function addService(ctx: ServiceContext, rawInput: unknown): Promise<Service> {
  const input = parseInput(AddServiceInput, rawInput, ['input']);
  await assertCategoriesExist(ctx, input.categories, ['input', 'categories']);
  const service = parseInput(Service, { id: newId('Service'), ...input, activeReferrals: 0, synthetic: false }, ['input']);
  if (service.area.kind === 'RADIUS' && service.location === null && !service.online) {
    throw badInput('input.location: a RADIUS service area needs the service location', ['input', 'location']);
  }
  await assertReferencesExist(ctx.store, [
    ...(service.area.kind === 'TOWNSHIPS' ? service.area.townshipIds.map((id, i) => ({ id, path: ['input', 'area', 'townshipIds', i] })) : []),
    ...(service.area.kind === 'VILLAGES' ? service.area.villageIds.map((id, i) => ({ id, path: ['input', 'area', 'villageIds', i] })) : []),
    ...service.eligibility.residencyTownshipIds.map((id, i) => ({ id, path: ['input', 'eligibility', 'residencyTownshipIds', i] })),
  ]);
  return underInput(['input'], ctx.store.create('Service', service));
}

export async function updateServiceCapacity(ctx: ServiceContext, serviceId: unknown, capacity: unknown): Promise<Service> {
  const id = parseInput(idOf('Service'), serviceId, ['serviceId']);
  const value = parseInput(z.number().int().min(0, { message: 'must be 0 or more (null: no stated limit)' }).nullable(), capacity ?? null, ['capacity']);
  return ctx.store.setServiceCapacity(id, value);
}

const stakeholderId = z.string().refine((id) => {
  const kind = kindOfId(id);
  return kind !== null && STAKEHOLDER_KINDS.includes(kind);
}, { message: `must be the id of a stakeholder (${STAKEHOLDER_KINDS.join(', ')})` });

export const LinkStakeholdersInput = z
  .object({
    fromId: stakeholderId,
    toId: stakeholderId,
    type: RelationshipType,
    status: RelationshipStatus,
    since: nullable(IsoDate),
    until: nullable(IsoDate),
    note: nullable(z.string().max(1000)),
  })
  .refine((r) => r.fromId !== r.toId, { path: ['toId'], message: 'must differ from fromId' })
  .refine((r) => r.since === null || r.until === null || r.since <= r.until, { path: ['until'], message: 'must not be before since' });

/**
 * Create the (from, to, type) relationship, or change its status and dates if it exists.
 * `createOnly` (a DESIGNER's link): an existing relationship is never changed — FORBIDDEN at
 * input.toId and nothing written — so a designer cannot turn an ESTABLISHED trust path (or any
 * tie a network editor recorded) into a BUILDING/PROSPECTIVE one. Relationships carry no author,
 * so this covers a designer's own earlier ties too: a network editor changes those.
 */
export async function linkStakeholders(ctx: ServiceContext, rawInput: unknown, options: { createOnly?: boolean } = {}): Promise<Relationship> {
  const input = parseInput(LinkStakeholdersInput, rawInput, ['input']);
  const at = ctx.now().toISOString();
  const existing = await ctx.store.findRelationship(input.fromId, input.toId, input.type);
  if (existing && options.createOnly === true) {
    throw new HuzhuError(
      'FORBIDDEN',
      `linkStakeholders: a ${input.type} relationship ${input.fromId} → ${input.toId} already exists (${existing.status}); a DESIGNER may only add new ties (服务设计师不能修改已有的关系), so it was left unchanged; ask a coordinator to change it`,
      { path: ['input', 'toId'] },
    );
  }
  if (existing) {
    return underInput(['input'], ctx.store.update('Relationship', parseInput(Relationship, { ...existing, ...input, updatedAt: at }, ['input'])));
  }
  const rel = parseInput(Relationship, { id: newId('Relationship'), ...input, createdAt: at, updatedAt: at }, ['input']);
  return underInput(['input'], ctx.store.create('Relationship', rel));
}

async function assertReferencesExist(store: GraphStore, refs: Array<{ id: string; path: Array<string | number> }>): Promise<void> {
  for (const ref of refs) {
    const kind = kindOfId(ref.id);
    const [found] = kind ? await store.getMany(kind, [ref.id]) : [null];
    if (!found) throw badInput(`${ref.path.join('.')}: names no record in the store; give the id of an existing one`, ref.path);
  }
}

// -- network status ------------------------------------------------------------

const STATUS_RANK: Record<RelationshipStatus, number> = { ESTABLISHED: 0, BUILDING: 1, PROSPECTIVE: 2 };

export function strongestStatus(statuses: readonly RelationshipStatus[]): RelationshipStatus | null {
  return statuses.reduce<RelationshipStatus | null>((best, s) => (best === null || STATUS_RANK[s] < STATUS_RANK[best] ? s : best), null);
}

/** Everything linked to the hub: org id → the strongest status of its links with the hub. */
export async function hubStatuses(store: GraphStore): Promise<Map<string, RelationshipStatus>> {
  const result = new Map<string, RelationshipStatus[]>();
  for (const rel of await listAll(store, 'Relationship', { nodeId: NETWORK_HUB_ID })) {
    const other = rel.fromId === NETWORK_HUB_ID ? rel.toId : rel.fromId;
    result.set(other, [...(result.get(other) ?? []), rel.status]);
  }
  return new Map([...result].map(([id, statuses]) => [id, strongestStatus(statuses) as RelationshipStatus]));
}

/**
 * A person's status: ESTABLISHED when assigned (villages, townships or an
 * organisation), else the strongest status among their relationships, else PROSPECTIVE.
 */
export function personStatus(person: Person, relationshipStatuses: readonly RelationshipStatus[]): RelationshipStatus {
  if (person.villageIds.length > 0 || person.townshipIds.length > 0 || person.organizationId !== null) return 'ESTABLISHED';
  return strongestStatus(relationshipStatuses) ?? 'PROSPECTIVE';
}
