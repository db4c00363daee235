import type { TypedDocumentString } from '@/gql/graphql';
import { ApiError, errorFromResponse } from './apiError';
import { notifyApiError } from './apiEvents';

/**
 * The console's only GraphQL client: one POST to same-origin /graphql with the
 * session cookie, JSON content type (Apollo's csrfPrevention), and the one
 * place answers become errors (ApiError, see apiError.ts). Listeners
 * (apiEvents.ts) react to UNAUTHENTICATED by returning to sign-in.
 */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables, options]: TVariables extends Record<string, never> ? [variables?: TVariables, options?: ExecuteOptions] : [variables: TVariables, options?: ExecuteOptions]
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      ...(options?.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (options?.signal?.aborted) throw cause;
    throw notifyApiError(new ApiError({ code: 'NETWORK', message: cause instanceof Error ? cause.message : 'network error' }));
  }
  const body: unknown = await response.json().catch(() => null);
  const error = errorFromResponse(response.status, body, {
    retryAfter: response.headers.get('retry-after'),
    correlationId: response.headers.get('x-correlation-id'),
  });
  if (error) throw notifyApiError(error);
  return (body as { data: TResult }).data;
}

export interface ExecuteOptions {
  signal?: AbortSignal;
}
