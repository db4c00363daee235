import type { GraphQLResolveInfo } from 'graphql';
import type DataLoader from 'dataloader';
import { kindOfId } from '../../domain/ids';
import type { Organization, Person, Relationship, RelationshipStatus, Service } from '../../domain/model';
import { slotsOpen } from '../../domain/matching';
import { NETWORK_HUB_ID } from '../../domain/networkHub';
import {
  addOrganization,
  addService,
  hubStatuses,
  linkStakeholders,
  personStatus,
  updateServiceCapacity,
} from '../../services/network';
import { listStakeholders } from '../../services/stakeholders';
import type { RequestContext } from '../context';
import { pageOf, toConnection, toPageRequest, type ConnectionArgs } from '../connection';
import {
  OrganizationFilterInput,
  parseFilter,
  PersonFilterInput,
  RelationshipFilterInput,
  ServiceFilterInput,
  StakeholderFilterInput,
} from '../filters';
import { required } from './required';

type ListArgs = ConnectionArgs & { filter?: unknown };

/** Per-request memo of the hub's relationship statuses (one store read per request). */
const hubStatusCache = new WeakMap<RequestContext, Promise<Map<string, RelationshipStatus>>>();
function hubStatusesFor(ctx: RequestContext) {
  let cached = hubStatusCache.get(ctx);
  if (!cached) {
    cached = hubStatuses(ctx.store);
    hubStatusCache.set(ctx, cached);
  }
  return cached;
}

async function loadAll<T>(loader: DataLoader<string, T | null>, ids: readonly string[], kind: string): Promise<T[]> {
  const rows = await loader.loadMany(ids);
  return rows.map((row, i) => {
    if (row instanceof Error) throw row;
    return required(row, kind, ids[i] as string);
  });
}

export const networkResolvers = {
  Query: {
    organizations: async (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Organization', parseFilter(OrganizationFilterInput, args.filter), toPageRequest(args, undefined, info))),
    services: async (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Service', parseFilter(ServiceFilterInput, args.filter), toPageRequest(args, undefined, info))),
    people: async (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Person', parseFilter(PersonFilterInput, args.filter), toPageRequest(args, undefined, info))),
    relationships: async (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Relationship', parseFilter(RelationshipFilterInput, args.filter), toPageRequest(args, undefined, info))),
    stakeholders: async (_: unknown, args: ListArgs, ctx: RequestContext) => {
      const filter = parseFilter(StakeholderFilterInput, args.filter);
      const page = pageOf(await listStakeholders(ctx, filter), toPageRequest(args));
      return toConnection(page);
    },
  },
  Mutation: {
    addOrganization: (_: unknown, args: { input: unknown }, ctx: RequestContext) => addOrganization(ctx, args.input),
    addService: (_: unknown, args: { input: unknown }, ctx: RequestContext) => addService(ctx, args.input),
    updateServiceCapacity: (_: unknown, args: { serviceId: unknown; capacity?: unknown }, ctx: RequestContext) =>
      updateServiceCapacity(ctx, args.serviceId, args.capacity),
    // A DESIGNER adds ties only (operationRules limits it to BUILDING/PROSPECTIVE); it never changes an existing one.
    linkStakeholders: (_: unknown, args: { input: unknown }, ctx: RequestContext) =>
      linkStakeholders(ctx, args.input, { createOnly: ctx.viewer.role === 'DESIGNER' }),
  },
  Person: {
    villages: (p: Person, _: unknown, ctx: RequestContext) => loadAll(ctx.loaders.Village, p.villageIds, 'Village'),
    townships: (p: Person, _: unknown, ctx: RequestContext) => loadAll(ctx.loaders.Township, p.townshipIds, 'Township'),
    organization: (p: Person, _: unknown, ctx: RequestContext) =>
      p.organizationId === null ? null : ctx.loaders.Organization.load(p.organizationId),
    networkStatus: async (p: Person, _: unknown, ctx: RequestContext) => {
      const own = await hubStatusesFor(ctx);
      return personStatus(p, own.has(p.id) ? [own.get(p.id) as RelationshipStatus] : []);
    },
    relationships: async (p: Person, args: ConnectionArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Relationship', { nodeId: p.id }, toPageRequest(args, undefined, info))),
  },
  Organization: {
    township: (o: Organization, _: unknown, ctx: RequestContext) => (o.townshipId ? ctx.loaders.Township.load(o.townshipId) : null),
    village: (o: Organization, _: unknown, ctx: RequestContext) => (o.villageId ? ctx.loaders.Village.load(o.villageId) : null),
    networkStatus: async (o: Organization, _: unknown, ctx: RequestContext) =>
      o.id === NETWORK_HUB_ID ? null : ((await hubStatusesFor(ctx)).get(o.id) ?? 'PROSPECTIVE'),
    services: async (o: Organization, args: ConnectionArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Service', { organizationId: o.id }, toPageRequest(args, undefined, info))),
    relationships: async (o: Organization, args: ConnectionArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      toConnection(await ctx.store.list('Relationship', { nodeId: o.id }, toPageRequest(args, undefined, info))),
  },
  Service: {
    organization: async (s: Service, _: unknown, ctx: RequestContext) =>
      required(await ctx.loaders.Organization.load(s.organizationId), 'Organization', s.organizationId),
    capacityLeft: (s: Service) => slotsOpen(s),
    eligibility: (s: Service, _: unknown, ctx: RequestContext) => ({
      ...s.eligibility,
      residencyTownships: loadAll(ctx.loaders.Township, s.eligibility.residencyTownshipIds, 'Township'),
    }),
    area: (s: Service, _: unknown, ctx: RequestContext) => ({
      kind: s.area.kind,
      km: s.area.kind === 'RADIUS' ? s.area.km : null,
      townships: s.area.kind === 'TOWNSHIPS' ? loadAll(ctx.loaders.Township, s.area.townshipIds, 'Township') : null,
      villages: s.area.kind === 'VILLAGES' ? loadAll(ctx.loaders.Village, s.area.villageIds, 'Village') : null,
    }),
  },
  Relationship: {
    from: (r: Relationship, _: unknown, ctx: RequestContext) => loadStakeholder(ctx, r.fromId),
    to: (r: Relationship, _: unknown, ctx: RequestContext) => loadStakeholder(ctx, r.toId),
  },
  StakeholderNode: { __resolveType: (node: { id: string }) => kindOfId(node.id) },
  Stakeholder: {
    kind: (s: { node: { id: string } }) => (kindOfId(s.node.id) === 'Person' ? 'PERSON' : 'ORGANIZATION'),
  },
};

async function loadStakeholder(ctx: RequestContext, id: string) {
  const kind = kindOfId(id);
  switch (kind) {
    case 'Organization':
    case 'Person':
    case 'Village':
    case 'Township':
    case 'Service':
      return required(await (ctx.loaders[kind] as DataLoader<string, unknown>).load(id), kind, id);
    default:
      throw new Error(`api/loadStakeholder: ${id} is not a stakeholder id`);
  }
}
