import { FamilyFigure } from './FamilyFigure';

/** Cells resting on fewer families than this (but more than none) are suppressed for restricted viewers. */
export const SMALL_CELL_THRESHOLD = 5;

/**
 * Whether the viewer gets small cells suppressed. The API decides it from the
 * viewer's role (src/api/resolvers/coverage.ts, SUPPRESSES_SMALL_CELLS), so
 * this layer never depends on how viewers are modelled.
 */
export interface SmallCellPolicy {
  suppress: boolean;
}

/** A report as a client receives it: every FamilyFigure replaced by its value (or null). */
export type Presented<T> = T extends FamilyFigure
  ? number | null
  : T extends ReadonlyArray<infer U>
    ? Array<Presented<U>>
    : T extends object
      ? { [K in keyof T]: Presented<T[K]> } & { suppressed?: boolean }
      : T;

/**
 * The one small-cell rule, applied to a whole report by the resolver before
 * it is returned. Every FamilyFigure becomes its value, except that when the
 * policy says suppress, a figure resting on 1 to 4 families becomes
 * null, so no family can be singled out ("the one vulnerable household of
 * village X"). Every object that directly holds a figure gains
 * `suppressed: true` when one of its figures was withheld (false otherwise),
 * so a client can tell "suppressed" from "not applicable".
 *
 * A figure resting on 0 families is shown: it singles out nobody, and hiding
 * it would hide exactly the gaps (villages with no family reached) that the
 * reports exist to show.
 *
 * Known limit: this is primary suppression only. A suppressed cell could be
 * recovered by subtraction where a published total equals the sum of
 * published cells; the reports avoid publishing such totals for vulnerable
 * households (the only per-village marker counts they show).
 *
 * Maps, Sets and other class instances are refused (an internal error): a
 * figure hidden inside one could not be seen by this walk.
 */
export function suppressSmallCells<T>(report: T, policy: SmallCellPolicy): Presented<T> {
  return present(report, policy.suppress) as Presented<T>;
}

// Private:

function present(value: unknown, suppress: boolean): unknown {
  if (value instanceof FamilyFigure) return isSmall(value, suppress) ? null : value.value;
  if (Array.isArray(value)) return value.map((item) => present(item, suppress));
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new Error(
      `services/suppressSmallCells: reports must be plain objects and arrays, found a ${value.constructor?.name ?? 'class instance'}; convert it before presenting`,
    );
  }
  const out: Record<string, unknown> = {};
  let holdsFigure = false;
  let suppressed = false;
  for (const [key, field] of Object.entries(value)) {
    if (field instanceof FamilyFigure) {
      holdsFigure = true;
      if (isSmall(field, suppress)) suppressed = true;
    }
    out[key] = present(field, suppress);
  }
  if (holdsFigure) out['suppressed'] = suppressed;
  return out;
}

function isSmall(figure: FamilyFigure, suppress: boolean): boolean {
  return suppress && figure.basis > 0 && figure.basis < SMALL_CELL_THRESHOLD;
}
