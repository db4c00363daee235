/**
 * The selection a loop or an `every` checks, after asserting it holds
 * something: `for (const x of nonEmpty(rows.filter(p), 'stations'))` fails
 * when the filter selects nothing, where a bare loop would pass vacuously.
 */
export function nonEmpty<T>(items: readonly T[], what: string): readonly T[] {
  if (items.length === 0) throw new Error(`nonEmpty: expected at least one ${what}, got none (a check over nothing proves nothing)`);
  return items;
}
