import type { ReferralStatus } from '../../domain/model';
import { FamilyFigure, sumGroup } from './FamilyFigure';
import type { ReferralFact } from './referralFacts';

/** Hours from SENT to the first time a referral reached a status, over the referrals that reached it. */
export interface Timing {
  /** Referrals measured (those that reached the status). */
  count: FamilyFigure;
  medianHours: FamilyFigure;
  p90Hours: FamilyFigure;
}

export interface TimingRow {
  /** A category code, a township id, or "ALL". */
  key: string;
  label: string;
  /** SENT → ACCEPTED. */
  response: Timing;
  /** SENT → RESOLVED. */
  resolution: Timing;
}

export interface ResponseTimes {
  overall: TimingRow;
  byCategory: TimingRow[];
  byTownship: TimingRow[];
}

/**
 * Response time (SENT → first ACCEPTED) and resolution time (SENT → first
 * RESOLVED) in hours, from each referral's transitions; the SENT instant is
 * its first SENT transition (its createdAt if none is recorded). A referral
 * that has not reached the status yet is not counted (so the figures
 * describe the referrals answered; overdue ones are their own report). Each
 * cell's statistics rest on `count` referrals, so a restricted viewer sees
 * none of them when fewer than 5 families are behind it.
 */
export function responseTimes(
  facts: readonly ReferralFact[],
  labels: { category: (code: string) => string; township: (id: string) => string },
): ResponseTimes {
  const byCategory = groupBy(facts, (f) => f.category);
  const byTownship = groupBy(facts, (f) => f.townshipId);
  const overall = row('ALL', 'All referrals', facts);
  const categoryRows = [...byCategory].map(([code, group]) => row(code, labels.category(code), group));
  const townshipRows = [...byTownship].map(([id, group]) => row(id, labels.township(id), group));
  // Each breakdown's counts add up to the overall count (up to referrals with no category or township): complementary cells.
  for (const rows of [categoryRows, townshipRows]) {
    sumGroup(overall.response.count, rows.map((r) => r.response.count));
    sumGroup(overall.resolution.count, rows.map((r) => r.resolution.count));
  }
  return { overall, byCategory: categoryRows, byTownship: townshipRows };
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of the values by linear interpolation between
 * closest ranks (Hyndman & Fan type 7, the default of R and NumPy); null for
 * no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new Error(`services/quantile: p must be between 0 and 1, got ${String(p)}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}

/** Hours from SENT to the first `to` transition, or null when the referral never reached it. */
export function hoursUntil(fact: Pick<ReferralFact, 'transitions' | 'createdAt'>, to: ReferralStatus): number | null {
  const reached = fact.transitions.find((t) => t.status === to);
  if (!reached) return null;
  const sent = fact.transitions.find((t) => t.status === 'SENT')?.at ?? fact.createdAt;
  return (Date.parse(reached.at) - Date.parse(sent)) / 3_600_000;
}

// Private:

function row(key: string, label: string, facts: readonly ReferralFact[]): TimingRow {
  return { key, label, response: timing(facts, 'ACCEPTED'), resolution: timing(facts, 'RESOLVED') };
}

function timing(facts: readonly ReferralFact[], to: ReferralStatus): Timing {
  const hours = facts.map((f) => hoursUntil(f, to)).filter((h): h is number => h !== null);
  const n = hours.length;
  return {
    count: new FamilyFigure(n, n),
    medianHours: new FamilyFigure(round(quantile(hours, 0.5)), n),
    p90Hours: new FamilyFigure(round(quantile(hours, 0.9)), n),
  };
}

function round(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 100) / 100;
}

/** Groups by a key, sorted by key; facts with a null key are left out. */
function groupBy(facts: readonly ReferralFact[], keyOf: (f: ReferralFact) => string | null): Map<string, ReferralFact[]> {
  const groups = new Map<string, ReferralFact[]>();
  for (const f of facts) {
    const key = keyOf(f);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
