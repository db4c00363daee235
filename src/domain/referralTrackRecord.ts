import type { Referral, ReferralTransition } from './model';
import type { TrackRecord } from './matching/scoreMatch';

/** A service's track record with every count present (the stored counters). */
export type ServiceTrackRecord = Required<TrackRecord>;

export const EMPTY_TRACK_RECORD: Readonly<ServiceTrackRecord> = Object.freeze({
  sent: 0,
  accepted: 0,
  resolved: 0,
  declined: 0,
  declinedNoCapacity: 0,
});

/**
 * What one referral adds to its service's track record: sent always; accepted
 * when it was ever accepted, unless it ended declined (the lifecycle allows a
 * decline after acceptance, which ends as a decline); resolved when resolved;
 * a decline for NO_CAPACITY (the service was full) counts in
 * declinedNoCapacity, which never counts against reliability
 * (domain/matching scoreMatch), any other decline in declined.
 *
 * The one definition of the track record: the memory store's tallies and the
 * Neo4j store's Service counters both apply (new − old) of it in the write
 * that changes a referral, and a fold over all referrals gives the same counts.
 */
export function referralTrackRecord(
  referral: Pick<Referral, 'status' | 'reason'> & { transitions: ReadonlyArray<Pick<ReferralTransition, 'status'>> },
): ServiceTrackRecord {
  const declined = referral.status === 'DECLINED';
  return {
    sent: 1,
    accepted: !declined && referral.transitions.some((t) => t.status === 'ACCEPTED') ? 1 : 0,
    resolved: referral.status === 'RESOLVED' ? 1 : 0,
    declined: declined && referral.reason !== 'NO_CAPACITY' ? 1 : 0,
    declinedNoCapacity: declined && referral.reason === 'NO_CAPACITY' ? 1 : 0,
  };
}

/** a + sign × b, field by field. */
export function addTrackRecords(a: ServiceTrackRecord, b: ServiceTrackRecord, sign: 1 | -1 = 1): ServiceTrackRecord {
  return {
    sent: a.sent + sign * b.sent,
    accepted: a.accepted + sign * b.accepted,
    resolved: a.resolved + sign * b.resolved,
    declined: a.declined + sign * b.declined,
    declinedNoCapacity: a.declinedNoCapacity + sign * b.declinedNoCapacity,
  };
}
