import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { makeExecutableSchemaFromSdl } from './makeSchema';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { GraphStore } from '../store/GraphStore';
import type { RequestContext } from './context';
import { formatError, maskInternalErrors } from './formatError';
import { createLoaders } from './loaders';
import { ANONYMOUS, type Viewer } from './auth/Viewer';
import { attachAccess } from './auth/RequestAccess';
import type { Purpose } from './auth/Purpose';
import { guardSchema } from './guardSchema';
import { costLimitPlugin } from './limits/costLimitPlugin';
import { LIMITS } from './limits/limits';
import { maxAliasesRule } from './limits/maxAliasesRule';
import { maxDepthRule } from './limits/maxDepthRule';
import { resolvers } from './resolvers';
import { unavailableStatusPlugin } from './unavailableStatusPlugin';

export interface AppOptions {
  config: Config;
  store: GraphStore;
  log: Logger;
  now?: () => Date;
}

export interface App {
  server: ApolloServer<RequestContext>;
  /** Builds the per-request context; `viewer` comes from the HTTP layer's token check. */
  contextFor(input: { viewer?: Viewer; correlationId: string; purpose?: Purpose }): RequestContext;
}

/**
 * The GraphQL application: schema, resolvers, error policy. The HTTP layer
 * (httpServer.ts) owns transport concerns: body limits, tokens, rate limits.
 */
export function createApp(options: AppOptions): App {
  const { config, store, log } = options;
  const now = options.now ?? (() => new Date());
  const production = config.NODE_ENV === 'production';
  const plugins: Array<ApolloServerPlugin<RequestContext>> = [maskInternalErrors(), costLimitPlugin(LIMITS.maxCost), unavailableStatusPlugin()];
  // The console at / is the browser entry; Apollo's Sandbox (a CDN page) only when asked for, never in production.
  if (production || !config.GRAPHQL_SANDBOX) plugins.push(ApolloServerPluginLandingPageDisabled());

  const server = new ApolloServer<RequestContext>({
    // The access policy wraps every resolver once (src/api/guardSchema.ts); it fails start-up if it does not cover the schema.
    schema: guardSchema(makeExecutableSchemaFromSdl(resolvers), { log }),
    validationRules: [maxDepthRule(LIMITS.maxDepth), maxAliasesRule(LIMITS.maxAliases)],
    parseOptions: { maxTokens: LIMITS.maxTokens },
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    // main.ts owns SIGTERM/SIGINT (close HTTP, stop Apollo, close the store, exit); Apollo's own handler
    // races it and left the process hanging in server.stop() after "shutting down".
    stopOnTerminationSignals: false,
    plugins,
  });

  return {
    server,
    contextFor: ({ viewer, correlationId, purpose }) => {
      const ctx: RequestContext = {
        store,
        now,
        loaders: createLoaders(store),
        viewer: viewer ?? ANONYMOUS,
        correlationId,
        log: log.child({ correlationId }),
        staleAfterDays: config.STALE_AFTER_DAYS,
      };
      attachAccess(ctx, purpose);
      return ctx;
    },
  };
}
