import { ACTION_LIMIT_HOURS, AWAITING_ACTION_STATUSES } from './referralLifecycle';
import type { Referral, Urgency } from './model';

/** How far a referral is past the time its next step was due (ACTION_LIMIT_HOURS by the need's urgency). */
export interface ReferralOverdue {
  /** When the step it waits on began: its last transition (or its creation). */
  since: string;
  /** Which step it waits on: the number of transitions so far. A referral goes overdue at most once per step. */
  step: number;
  limitHours: number;
  /** When it became overdue: since + limitHours. */
  dueAt: string;
  overdueHours: number;
}

/**
 * The one overdue rule (issue 5; pushed as alerts by issue 15 item 5): a
 * referral SENT (to be accepted or declined) or ACCEPTED (to be started or
 * resolved) is overdue once more than ACTION_LIMIT_HOURS[urgency] have passed
 * since its last step. Null when it is not waiting on a step or not yet due.
 * `now` is the caller's clock, so the rule is tested without waiting.
 */
export function referralOverdue(referral: Pick<Referral, 'status' | 'transitions' | 'createdAt'>, urgency: Urgency, now: Date): ReferralOverdue | null {
  if (!AWAITING_ACTION_STATUSES.includes(referral.status)) return null;
  const last = referral.transitions[referral.transitions.length - 1];
  const since = last ? last.at : referral.createdAt;
  const limitHours = ACTION_LIMIT_HOURS[urgency];
  const waitedHours = (now.getTime() - Date.parse(since)) / 3_600_000;
  if (!(waitedHours > limitHours)) return null;
  return {
    since,
    step: referral.transitions.length,
    limitHours,
    dueAt: new Date(Date.parse(since) + limitHours * 3_600_000).toISOString(),
    overdueHours: waitedHours - limitHours,
  };
}
