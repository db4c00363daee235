import type { NeedStatus, ReferralReason, ReferralStatus, Urgency } from './model';

/**
 * The closed loop of a referral:
 *
 *   SENT ──► ACCEPTED ──► IN_PROGRESS ──► RESOLVED
 *     │          │             │
 *     └──────────┴─────────────┴──► DECLINED | CANCELLED   (with a standard reason)
 *
 * DECLINED is the receiving organisation saying no (only before work starts);
 * CANCELLED is the coordinator or family withdrawing it. RESOLVED, DECLINED
 * and CANCELLED end the referral and release its unit of capacity.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, ReadonlyArray<ReferralStatus>>> = {
  SENT: ['ACCEPTED', 'DECLINED', 'CANCELLED'],
  ACCEPTED: ['IN_PROGRESS', 'RESOLVED', 'DECLINED', 'CANCELLED'],
  IN_PROGRESS: ['RESOLVED', 'CANCELLED'],
  RESOLVED: [],
  DECLINED: [],
  CANCELLED: [],
};

export const ENDED_REFERRAL_STATUSES: ReadonlyArray<ReferralStatus> = ['RESOLVED', 'DECLINED', 'CANCELLED'];

/** Referral statuses that hold a unit of the service's capacity: every status that has not ended. */
export const ACTIVE_REFERRAL_STATUSES: ReadonlyArray<ReferralStatus> = (Object.keys(REFERRAL_TRANSITIONS) as ReferralStatus[]).filter(
  (status) => !ENDED_REFERRAL_STATUSES.includes(status),
);

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** DECLINED and CANCELLED must say why, with a standard reason; other statuses take none. */
export function reasonRequired(to: ReferralStatus): boolean {
  return to === 'DECLINED' || to === 'CANCELLED';
}

/** The need's status after its referral moves to `to` (null: unchanged). */
export function needStatusAfter(to: ReferralStatus): NeedStatus | null {
  switch (to) {
    case 'RESOLVED':
      return 'RESOLVED';
    case 'DECLINED':
    case 'CANCELLED':
      return 'OPEN';
    case 'SENT':
    case 'ACCEPTED':
    case 'IN_PROGRESS':
      return null;
    default: {
      const never: never = to;
      return never;
    }
  }
}

/**
 * How long a referral may sit without the next step before it is overdue,
 * by the need's urgency: a SENT referral must be accepted (or declined), an
 * ACCEPTED one started or resolved, within this many hours of its last step.
 */
export const ACTION_LIMIT_HOURS: Readonly<Record<Urgency, number>> = {
  CRITICAL: 24,
  HIGH: 72,
  MEDIUM: 7 * 24,
  LOW: 14 * 24,
};

export const AWAITING_ACTION_STATUSES: ReadonlyArray<ReferralStatus> = ['SENT', 'ACCEPTED'];

export type { ReferralReason };
