import type { ReferralReason, ReferralStatus, ReferralTransition } from '../../domain/model';

/** One referral with what the reports group it by: its need's category and its family's village and township. */
export interface ReferralFact {
  status: ReferralStatus;
  reason: ReferralReason | null;
  transitions: readonly ReferralTransition[];
  createdAt: string;
  /** null when the need is gone. */
  category: string | null;
  villageId: string | null;
  townshipId: string | null;
}
