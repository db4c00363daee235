import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode, type FormattedExecutionResult } from 'graphql';
import type { RequestContext } from './context';

/** Seconds a client is told to wait before retrying a request the database could not serve. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * HTTP 503 + Retry-After for a response in which nothing was executed
 * because the database could not be reached (isWhollyUnavailable); every other
 * response keeps Apollo's status (200 for partial results and other errors).
 *
 * The body stays the GraphQL error body. The GraphQL-over-HTTP spec lets a
 * server answer a response without data with a 4xx/5xx status (and requires it
 * for application/graphql-response+json); answering 503 for both media types
 * lets load balancers, probes and HTTP clients retry without parsing GraphQL.
 * OUTCOME_UNKNOWN (a write that may have happened) is deliberately not
 * "nothing executed": it stays 200, and the client retries with its key.
 */
export function unavailableStatusPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const completedMutationFields = new Set<string>();
      return {
        async executionDidStart({ operation }) {
          // A mutation field whose resolver finished did its write, whatever fails after it.
          if (operation.operation !== OperationTypeNode.MUTATION) return;
          return {
            willResolveField({ info }) {
              if (info.path.prev !== undefined) return;
              return (error) => {
                if (error === null) completedMutationFields.add(String(info.path.key));
              };
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !isWhollyUnavailable(response.body.singleResult, completedMutationFields)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/**
 * True when no part of the operation could be executed: there are errors,
 * every one is UNAVAILABLE, no mutation field completed, and no root field
 * was answered (data is null, or every root field is null and has an error
 * of its own, so a field that is legitimately null, like `me` for an
 * anonymous caller, counts as answered).
 */
export function isWhollyUnavailable(result: FormattedExecutionResult, completedMutationFields: ReadonlySet<string> = new Set()): boolean {
  const errors = result.errors ?? [];
  if (errors.length === 0 || !errors.every((e) => e.extensions?.['code'] === 'UNAVAILABLE')) return false;
  if (completedMutationFields.size > 0) return false;
  if (result.data === null || result.data === undefined) return true;
  const failedRoots = new Set(errors.map((e) => e.path?.[0]).filter((key) => typeof key === 'string'));
  return Object.entries(result.data).every(([key, value]) => value === null && failedRoots.has(key));
}
