/**
 * A figure computed from families: a count of households (or of referrals,
 * each one family's), or a statistic such as a median response time, with
 * the number of families it rests on (`basis`).
 *
 * Reports hold household figures in this wrapper rather than as bare numbers
 * so that nothing can reach a client without passing suppressSmallCells: a
 * FamilyFigure that skipped it is an object where GraphQL expects an Int or
 * Float, which fails the request instead of leaking a small cell.
 */
export class FamilyFigure {
  constructor(
    /** null when there is nothing to report (e.g. the median of no referrals). */
    readonly value: number | null,
    /** How many families the value rests on; cells resting on 1–4 are suppressed for restricted viewers. */
    readonly basis: number,
  ) {
    if (!Number.isInteger(basis) || basis < 0) {
      throw new Error(`services/FamilyFigure: basis must be a whole number of families ≥ 0, got ${String(basis)}`);
    }
  }
}

/** A count of families: its own basis. */
export function familyCount(n: number): FamilyFigure {
  return new FamilyFigure(n, n);
}

/**
 * Figures a report publishes that add up: the `parts` sum to the sum of the
 * `totals` (one total, e.g. all referrals = Σ by status; or several, e.g.
 * Σ by reason = declined + cancelled). suppressSmallCells reads these links
 * to suppress complementary cells, so that a hidden part cannot be recovered
 * as a published total minus its visible siblings. A figure may sit in
 * several groups (the county total of two breakdowns).
 */
export interface SumGroup {
  totals: readonly FamilyFigure[];
  parts: readonly FamilyFigure[];
}

const groupsOf = new WeakMap<FamilyFigure, SumGroup[]>();

/** Declares that `parts` add up to the sum of `totals`; returns the parts for chaining. */
export function sumGroup<T extends readonly FamilyFigure[]>(totals: FamilyFigure | readonly FamilyFigure[], parts: T): T {
  const group: SumGroup = { totals: totals instanceof FamilyFigure ? [totals] : totals, parts };
  for (const figure of [...group.totals, ...group.parts]) {
    const list = groupsOf.get(figure);
    if (list) list.push(group);
    else groupsOf.set(figure, [group]);
  }
  return parts;
}

/** The sum groups a figure belongs to (empty when none). */
export function sumGroupsOf(figure: FamilyFigure): readonly SumGroup[] {
  return groupsOf.get(figure) ?? [];
}
