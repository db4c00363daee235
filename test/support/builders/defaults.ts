/**
 * The defaults every builder in test/support/builders shares: one fixed
 * instant (so no test depends on the clock), one per-process sequence for
 * names, logins and official codes, and one source label for synthetic rows.
 */

/** The instant builders stamp on records (fixed, so tests never depend on the clock). */
export const BUILT_AT = '2025-01-01T00:00:00.000Z';
/** BUILT_AT's date, for date-only fields (since, trainedAt, confirmedOn). */
export const BUILT_ON = '2025-01-01';

let sequence = 0;
/** A number unique within this test process. */
export function nextSequence(): number {
  sequence += 1;
  return sequence;
}

/** A 12-digit code no real NBS code uses (they start 51…): prefix 99 for townships, 98 for villages. */
export function syntheticCode(prefix: '99' | '98'): string {
  return `${prefix}${String(nextSequence()).padStart(10, '0')}`;
}

/** The `source` of places built here. */
export const SYNTHETIC_SOURCE = 'test/support/builders (synthetic)';
