import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { queryCost } from './queryCost';

/**
 * Refuses an operation whose queryCost exceeds `maxCost`, after validation
 * (the variables are known by then) and before execution, so before any
 * store call. Answered 400 like a validation failure.
 */
export function costLimitPlugin<TContext extends object>(maxCost: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const cost = queryCost(schema, document, operationName, request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(`limits/maxCost: the operation may cost ${cost}; at most ${maxCost} is allowed (ask for smaller pages with first)`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
