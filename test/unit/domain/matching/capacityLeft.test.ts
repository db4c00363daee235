import { capacityLeft, hasCapacity } from '../../../../src/domain/matching';
import { aService } from '../../../support/builders';

describe('capacityLeft', () => {
  it('is null (unlimited) when the service states no capacity', () => {
    expect(capacityLeft(aService({ capacity: null, activeReferrals: 40 }))).toBeNull();
    expect(hasCapacity(aService({ capacity: null, activeReferrals: 40 }))).toBe(true);
  });

  it('is capacity minus active referrals', () => {
    expect(capacityLeft(aService({ capacity: 5, activeReferrals: 3 }))).toBe(2);
  });

  it('leaves room for one more referral only when at least one slot is left', () => {
    expect(hasCapacity(aService({ capacity: 5, activeReferrals: 4 }))).toBe(true);
    expect(hasCapacity(aService({ capacity: 5, activeReferrals: 5 }))).toBe(false);
  });

  it('goes negative when capacity was lowered below the running referrals, which leaves no room', () => {
    const service = aService({ capacity: 2, activeReferrals: 3 });
    expect(capacityLeft(service)).toBe(-1);
    expect(hasCapacity(service)).toBe(false);
  });

  it('leaves no room at a capacity of zero', () => {
    expect(hasCapacity(aService({ capacity: 0, activeReferrals: 0 }))).toBe(false);
  });
});
