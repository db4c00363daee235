import { useCallback, useRef, useState } from 'react';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { keepsIdempotencyKey } from './apiError';
import { newIdempotencyKey } from './idempotencyKey';

/**
 * One form submission = one idempotency key. A second click while the first
 * is in flight sends nothing; a retry after OUTCOME_UNKNOWN / UNAVAILABLE /
 * a network failure reuses the key (the server answers with the first
 * result if it was written); a definite answer (success or a refusal) ends
 * the submission, so the next one gets a new key. On success the listed
 * queries are refreshed.
 */
export function useSubmission<TVars, TResult>(
  send: (variables: TVars, idempotencyKey: string) => Promise<TResult>,
  options: { invalidate?: readonly QueryKey[]; onSuccess?: (result: TResult, variables: TVars) => void } = {},
) {
  const queryClient = useQueryClient();
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  const [last, setLast] = useState<TVars | null>(null);
  const mutation = useMutation({ mutationFn: ({ variables, idempotencyKey }: { variables: TVars; idempotencyKey: string }) => send(variables, idempotencyKey) });
  const { invalidate, onSuccess } = options;

  const submit = useCallback(
    async (variables: TVars): Promise<TResult | undefined> => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      key.current ??= newIdempotencyKey();
      setLast(variables);
      try {
        const result = await mutation.mutateAsync({ variables, idempotencyKey: key.current });
        key.current = null;
        await Promise.all((invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        onSuccess?.(result, variables);
        return result;
      } catch (error) {
        if (!keepsIdempotencyKey(error)) key.current = null;
        throw error;
      } finally {
        inFlight.current = false;
      }
    },
    [mutation, invalidate, onSuccess, queryClient],
  );

  const retry = useCallback(async () => (last === null ? undefined : submit(last).catch(() => undefined)), [last, submit]);

  return { submit, retry, pending: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
