import type { Need, Service } from '../../domain/model';
import { capacityStatusOf, joinWaitlist, leaveWaitlist, waitlistOf, waitlistPlacesOfNeed, type WaitlistPlace } from '../../services/waitlist';
import { accessOf } from '../auth/RequestAccess';
import { badInput } from '../../errors/HuzhuError';
import { encodeCursor, toPageRequest, type ConnectionArgs } from '../connection';
import type { RequestContext } from '../context';
import { required } from './required';

/** An entry as the SDL shows it (schema/waitlist.graphql). */
type EntryView = WaitlistPlace['entry'] & { position: number | null };
const view = (place: WaitlistPlace): EntryView => ({ ...place.entry, position: place.position });

/** schema/waitlist.graphql; who may call what: src/api/auth/operationRules.ts (staff, on needs they may see). */
export const waitlistResolvers = {
  Query: {
    waitlist: async (_: unknown, args: ConnectionArgs & { serviceId: unknown }, ctx: RequestContext) => {
      const page = toPageRequest(args);
      const places = await waitlistOf(ctx, args.serviceId);
      const access = accessOf(ctx);
      // Only entries whose need the viewer may see; positions stay those on the whole list.
      const visible = await Promise.all(places.map((p) => access.canRead('Need', p.entry.needId)));
      const shown = places.filter((_, i) => visible[i]);
      const start = page.after ? shown.findIndex((p) => p.entry.needId === page.after) + 1 : 0;
      if (page.after && start === 0) throw badInput('after: 该条目已不在候补名单上 (that entry is no longer on the list; start again without after)', ['after']);
      const slice = shown.slice(start, start + page.first);
      const last = slice.at(-1);
      return {
        nodes: slice.map(view),
        pageInfo: { hasNextPage: start + page.first < shown.length, endCursor: last ? encodeCursor(last.entry.needId) : null },
        totalCount: places.length,
        waitingCount: places.filter((p) => p.entry.status === 'WAITING').length,
      };
    },
  },
  Mutation: {
    joinWaitlist: async (_: unknown, args: { needId: unknown; serviceId: unknown; idempotencyKey?: unknown }, ctx: RequestContext) => {
      const joined = await joinWaitlist(ctx, { actorId: ctx.viewer.subject }, args);
      return { created: joined.created, entry: view(joined) };
    },
    leaveWaitlist: async (_: unknown, args: { needId: unknown; serviceId: unknown }, ctx: RequestContext) => {
      const removed = await leaveWaitlist(ctx, args);
      return removed === null ? null : { ...removed, position: null };
    },
  },
  Need: {
    waitlistEntries: async (need: Need, _: unknown, ctx: RequestContext) => {
      const access = accessOf(ctx);
      const owner = { kind: 'Need', id: need.id } as const;
      // SOCIAL_ASSISTANCE on the need, checked and audited as the guard does for a @sensitive field (schema says why).
      if (!(await access.maySeeSensitive('SOCIAL_ASSISTANCE', owner))) return null;
      await access.auditRead(owner, 'Need.waitlistEntries');
      return (await waitlistPlacesOfNeed(ctx, need.id)).map(view);
    },
  },
  Service: {
    capacityStatus: (service: Service, _: unknown, ctx: RequestContext) => capacityStatusOf(ctx, service),
  },
  WaitlistEntry: {
    service: async (e: EntryView, _: unknown, ctx: RequestContext) => required(await ctx.loaders.Service.load(e.serviceId), 'Service', e.serviceId),
    need: async (e: EntryView, _: unknown, ctx: RequestContext) => ((await accessOf(ctx).canRead('Need', e.needId)) ? ctx.loaders.Need.load(e.needId) : null),
  },
};
