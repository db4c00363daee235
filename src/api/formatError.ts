import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isHuzhuError } from '../errors/HuzhuError';
import type { RequestContext } from './context';
import { redactDetails, redactMessage } from './redactMessage';

/** Codes produced by graphql-js/Apollo themselves for a bad request: the client's fault, safe to show. */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export const INTERNAL = 'INTERNAL_SERVER_ERROR';

/**
 * The one place errors become client-visible. HuzhuErrors keep their code,
 * message, `fieldPath` (where in the input) and details; errors from graphql-js
 * about the request pass through; anything else is masked here and given the
 * request's correlation id by maskInternalErrors(). No message or detail
 * echoes what the client sent beyond a short excerpt (redactMessage.ts).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isHuzhuError(original)) {
    return {
      message: redactMessage(original.message),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { ...(redactDetails(original.details) as Record<string, unknown>), code: original.code, fieldPath: redactDetails(original.path) },
    };
  }
  if (isClientError(original)) {
    return { message: redactMessage(formatted.message), ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code: original.extensions['code'] } };
  }
  return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: INTERNAL } };
}

/** A GraphQLError about the request itself (parse, validation, variables); thrown non-GraphQL errors never qualify. */
function isClientError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions['code'];
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
}

/** Logs every unexpected error with the correlation id, and puts that id in the masked error sent to the client. */
export function maskInternalErrors(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isHuzhuError(original) || isClientError(original)) continue;
            // Message and stack only: error objects never carry request variables here.
            contextValue.log.error(
              { err: { message: original instanceof Error ? original.message : String(original), stack: original instanceof Error ? original.stack : undefined }, path: error.path },
              'unexpected error (masked for the client)',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((e) =>
            e.extensions?.['code'] === INTERNAL
              ? { ...e, message: `Internal server error (correlation id ${contextValue.correlationId})`, extensions: { ...e.extensions, correlationId: contextValue.correlationId } }
              : e,
          );
        },
      };
    },
  };
}
