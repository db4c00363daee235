import type { ApiError } from './apiError';

type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();

/** Subscribe to every API error (the session provider listens for UNAUTHENTICATED). */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyApiError(error: ApiError): ApiError {
  for (const listener of listeners) listener(error);
  return error;
}
