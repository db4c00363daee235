import type { GraphQLResolveInfo } from 'graphql';
import { adminAccountView, type AccountRecord } from '../../domain/Account';
import { createAccount, listAccounts, resetAccountPassword, unlockAccount, updateAccount } from '../../services/accounts';
import { defaultPasswordHasher } from '../../services/defaultPasswordHasher';
import { toConnection, toPageRequest, type ConnectionArgs } from '../connection';
import type { RequestContext } from '../context';

/**
 * Accounts (schema/accounts.graphql). Who may call these is decided by
 * src/api/auth/operationRules.ts before they run (ADMIN, but `me` for all).
 * Every result goes through adminAccountView, which has no password hash:
 * nothing here can return one.
 */
const actorOf = (ctx: RequestContext) => ({
  actorId: ctx.viewer.subject,
  role: ctx.viewer.role,
  purpose: 'ACCOUNT_ADMINISTRATION',
  correlationId: ctx.correlationId,
});
const withHasher = (ctx: RequestContext) => ({ store: ctx.store, now: ctx.now, hasher: defaultPasswordHasher() });
const view = (ctx: RequestContext) => (account: AccountRecord) => adminAccountView(account, ctx.now());

export const accountsResolvers = {
  Query: {
    me: async (_: unknown, __: unknown, ctx: RequestContext) => {
      if (!ctx.viewer.subject.startsWith('acc_')) return null;
      const [account] = await ctx.store.getAccounts([ctx.viewer.subject]);
      return account ? view(ctx)(account) : null;
    },
    accounts: async (_: unknown, args: ConnectionArgs, ctx: RequestContext, info: GraphQLResolveInfo) => {
      const page = await listAccounts(ctx, toPageRequest(args, undefined, info));
      return toConnection({ ...page, items: page.items.map(view(ctx)) });
    },
  },
  Mutation: {
    createAccount: async (_: unknown, args: { input: unknown }, ctx: RequestContext) => view(ctx)(await createAccount(withHasher(ctx), actorOf(ctx), args.input)),
    updateAccount: async (_: unknown, args: { id: unknown; input: unknown }, ctx: RequestContext) =>
      view(ctx)(await updateAccount(ctx, actorOf(ctx), args.id, args.input)),
    resetAccountPassword: async (_: unknown, args: { id: unknown; password: unknown }, ctx: RequestContext) =>
      view(ctx)(await resetAccountPassword(withHasher(ctx), actorOf(ctx), args.id, args.password)),
    unlockAccount: async (_: unknown, args: { id: unknown }, ctx: RequestContext) => view(ctx)(await unlockAccount(ctx, actorOf(ctx), args.id)),
  },
};
