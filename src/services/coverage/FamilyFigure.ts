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
