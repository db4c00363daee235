import type { ReferralReason, ReferralStatus } from '../../../src/domain/model';
import { trackRecordsOf } from '../../../src/services/networkSnapshot';
import { aReferral } from '../../support/builders';

const SERVICE = 'svc_station-510129001000-social-work';
const at = '2025-06-01T08:00:00.000Z';

function ended(status: ReferralStatus, reason: ReferralReason | null, path: ReferralStatus[]) {
  return aReferral({
    serviceId: SERVICE,
    status,
    reason,
    transitions: path.map((s) => ({ status: s, at, actorId: 'per_builder', reason: s === status ? reason : null, note: null })),
  });
}

describe('trackRecordsOf (the track record matching scores)', () => {
  it('counts a decline for NO_CAPACITY apart, never as a decline against the service', () => {
    const records = trackRecordsOf([
      ended('DECLINED', 'NO_CAPACITY', ['SENT', 'DECLINED']),
      ended('DECLINED', 'NO_CAPACITY', ['SENT', 'DECLINED']),
      ended('DECLINED', 'COULD_NOT_CONTACT', ['SENT', 'DECLINED']),
    ]);
    expect(records.get(SERVICE)).toEqual({ sent: 3, accepted: 0, resolved: 0, declined: 1, declinedNoCapacity: 2 });
  });

  it('counts a referral accepted and later declined as a decline only (so answers never exceed referrals)', () => {
    const records = trackRecordsOf([ended('DECLINED', 'OTHER', ['SENT', 'ACCEPTED', 'DECLINED']), ended('RESOLVED', null, ['SENT', 'ACCEPTED', 'RESOLVED'])]);
    expect(records.get(SERVICE)).toEqual({ sent: 2, accepted: 1, resolved: 1, declined: 1, declinedNoCapacity: 0 });
  });
});
