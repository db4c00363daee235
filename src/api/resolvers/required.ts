/**
 * A non-null reference that the store could not resolve means the graph is
 * inconsistent: an internal error (masked, logged), not the client's fault.
 */
export function required<T>(value: T | null | undefined, kind: string, id: string): T {
  if (value === null || value === undefined) {
    throw new Error(`api/required: ${kind} ${id} is referenced but missing from the store`);
  }
  return value;
}
