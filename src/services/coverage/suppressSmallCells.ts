import { FamilyFigure, sumGroupsOf, type SumGroup } from './FamilyFigure';

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
 * Complementary suppression: where the report declares that figures add up
 * (sumGroup: parts that sum to published totals), a hidden cell must not be
 * recoverable as total − visible siblings. Whenever exactly one figure of
 * such a group is hidden, the next smallest visible part (non-zero values
 * first) is hidden too; when no part is left visible, the total is hidden
 * instead. This repeats until no group changes (hiding a figure can expose
 * another group it belongs to). A complementary cell may hold any value, so
 * a viewer cannot tell which of two hidden cells is the small one.
 *
 * Maps, Sets and other class instances are refused (an internal error): a
 * figure hidden inside one could not be seen by this walk.
 */
export function suppressSmallCells<T>(report: T, policy: SmallCellPolicy): Presented<T> {
  const hidden = new Set<FamilyFigure>();
  if (policy.suppress) {
    const figures = collectFigures(report);
    for (const f of figures) if (isSmall(f)) hidden.add(f);
    suppressComplements(figures, hidden);
  }
  return present(report, hidden) as Presented<T>;
}

// Private:

function collectFigures(value: unknown, into: FamilyFigure[] = []): FamilyFigure[] {
  if (value instanceof FamilyFigure) into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectFigures(item, into);
  else if (value !== null && typeof value === 'object') for (const field of Object.values(value)) collectFigures(field, into);
  return into;
}

/**
 * Adds complementary cells to `hidden` until no sum group lets a hidden
 * figure be derived: a group is one equation (Σ parts = Σ totals), so a
 * single hidden member can be solved for; whenever exactly one is hidden,
 * hide the smallest visible part too (or, with no part left, the smallest
 * visible total).
 */
function suppressComplements(figures: readonly FamilyFigure[], hidden: Set<FamilyFigure>): void {
  const inReport = new Set(figures);
  const groups = new Set<SumGroup>();
  for (const f of figures) for (const g of sumGroupsOf(f)) groups.add(g);
  // Only figures the report publishes take part: a member left out of the report is unknown to the viewer anyway.
  const equations = [...groups].map((g) => ({ totals: g.totals.filter((f) => inReport.has(f)), parts: g.parts.filter((f) => inReport.has(f)) }));
  let changed = true;
  while (changed) {
    changed = false;
    for (const { totals, parts } of equations) {
      if (totals.length === 0) continue;
      const hiddenCount = [...totals, ...parts].filter((f) => hidden.has(f)).length;
      if (hiddenCount !== 1) continue;
      const next = smallest(parts.filter((f) => !hidden.has(f))) ?? smallest(totals.filter((f) => !hidden.has(f)));
      if (next) {
        hidden.add(next);
        changed = true;
      }
    }
  }
}

/** The smallest figure, non-zero values first, earliest on ties; undefined for none. */
function smallest(figures: readonly FamilyFigure[]): FamilyFigure | undefined {
  let best: FamilyFigure | undefined;
  const key = (f: FamilyFigure) => (f.value === null || f.value === 0 ? Infinity : f.value);
  for (const f of figures) if (best === undefined || key(f) < key(best)) best = f;
  return best;
}

function present(value: unknown, hidden: ReadonlySet<FamilyFigure>): unknown {
  if (value instanceof FamilyFigure) return hidden.has(value) ? null : value.value;
  if (Array.isArray(value)) return value.map((item) => present(item, hidden));
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
      if (hidden.has(field)) suppressed = true;
    }
    out[key] = present(field, hidden);
  }
  if (holdsFigure) out['suppressed'] = suppressed;
  return out;
}

function isSmall(figure: FamilyFigure): boolean {
  return figure.basis > 0 && figure.basis < SMALL_CELL_THRESHOLD;
}
