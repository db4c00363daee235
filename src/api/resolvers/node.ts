import type DataLoader from 'dataloader';
import { kindOfId } from '../../domain/ids';
import { badInput } from '../../errors/HuzhuError';
import type { RequestContext } from '../context';

export const nodeResolvers = {
  Query: {
    /** null when the id is well-formed but unknown (Relay convention); BAD_USER_INPUT when malformed. */
    node: async (_: unknown, args: { id: string }, ctx: RequestContext) => {
      const kind = kindOfId(args.id);
      if (kind === null) throw badInput(`id: ${JSON.stringify(args.id)} is not a Huzhu id (like vil_510129001002)`, ['id']);
      return (ctx.loaders[kind] as DataLoader<string, unknown>).load(args.id);
    },
  },
  Mutation: {
    _ping: (_: unknown, __: unknown, ctx: RequestContext) => ctx.store.kind,
  },
  Node: { __resolveType: (node: { id: string }) => kindOfId(node.id) },
};
