import type { Service } from '../model';

/**
 * Referral slots a service has left: capacity − activeReferrals, or null when
 * it states no limit. May be zero or negative (a capacity can be lowered below
 * the referrals already running); only ≥ 1 leaves room for a new referral.
 */
export function capacityLeft(service: Pick<Service, 'capacity' | 'activeReferrals'>): number | null {
  return service.capacity === null ? null : service.capacity - service.activeReferrals;
}

/** Whether one more referral fits. */
export function hasCapacity(service: Pick<Service, 'capacity' | 'activeReferrals'>): boolean {
  const left = capacityLeft(service);
  return left === null || left >= 1;
}

/** What a directory shows as slots open: capacityLeft, never below zero (null: no stated limit). */
export function slotsOpen(service: Pick<Service, 'capacity' | 'activeReferrals'>): number | null {
  const left = capacityLeft(service);
  return left === null ? null : Math.max(0, left);
}
