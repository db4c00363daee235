import { ReferralReason, ReferralStatus } from '../../domain/model';
import { familyCount, sumGroup, type FamilyFigure } from './FamilyFigure';
import type { ReferralFact } from './referralFacts';

export interface ReferralOutcomes {
  total: FamilyFigure;
  /** Every status, in lifecycle order, zeros included. */
  byStatus: Array<{ status: ReferralStatus; count: FamilyFigure }>;
  /** Every standard reason (declined or cancelled referrals), zeros included. */
  byReason: Array<{ reason: ReferralReason; count: FamilyFigure }>;
}

/** Referrals by current status and by stated reason; each referral is one family's need, so counts are family figures. */
export function referralOutcomes(facts: readonly ReferralFact[]): ReferralOutcomes {
  const byStatus = new Map<ReferralStatus, number>(ReferralStatus.options.map((s) => [s, 0]));
  const byReason = new Map<ReferralReason, number>(ReferralReason.options.map((r) => [r, 0]));
  for (const f of facts) {
    byStatus.set(f.status, (byStatus.get(f.status) ?? 0) + 1);
    if (f.reason !== null) byReason.set(f.reason, (byReason.get(f.reason) ?? 0) + 1);
  }
  const total = familyCount(facts.length);
  const statusRows = [...byStatus].map(([status, n]) => ({ status, count: familyCount(n) }));
  const reasonRows = [...byReason].map(([reason, n]) => ({ reason, count: familyCount(n) }));
  // The statuses add up to the total, and the reasons to the declined and cancelled referrals (both must state one).
  sumGroup(total, statusRows.map((r) => r.count));
  const ended = statusRows.filter((r) => r.status === 'DECLINED' || r.status === 'CANCELLED').map((r) => r.count);
  sumGroup(ended, reasonRows.map((r) => r.count));
  return { total, byStatus: statusRows, byReason: reasonRows };
}
