import { referralOverdue } from '../../../src/domain/referralOverdue';
import { aReferral } from '../../support/builders';

/** The overdue rule with an injected clock (issue 5; the alerts of issue 15 item 5 push it). */
const SENT_AT = '2026-12-01T00:00:00.000Z';
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000);

describe('referralOverdue', () => {
  const sent = aReferral({ status: 'SENT', createdAt: SENT_AT, transitions: [{ status: 'SENT', at: SENT_AT, actorId: 'per_synthetic', reason: null, note: null }] });

  it.each([
    ['CRITICAL', 24],
    ['HIGH', 72],
    ['MEDIUM', 168],
    ['LOW', 336],
  ] as const)('a SENT %s referral is not overdue at its limit (%i h) and is just after it', (urgency, limit) => {
    expect(referralOverdue(sent, urgency, hoursAfter(SENT_AT, limit))).toBeNull();
    const due = referralOverdue(sent, urgency, hoursAfter(SENT_AT, limit + 1));
    expect(due).toEqual({ since: SENT_AT, step: 1, limitHours: limit, dueAt: hoursAfter(SENT_AT, limit).toISOString(), overdueHours: 1 });
  });

  it('counts from the last step: an ACCEPTED referral waits on its start, as step 2', () => {
    const acceptedAt = '2026-12-03T00:00:00.000Z';
    const accepted = { ...sent, status: 'ACCEPTED' as const, transitions: [...sent.transitions, { status: 'ACCEPTED' as const, at: acceptedAt, actorId: 'per_synthetic', reason: null, note: null }] };
    expect(referralOverdue(accepted, 'CRITICAL', hoursAfter(SENT_AT, 30))).toBeNull();
    expect(referralOverdue(accepted, 'CRITICAL', hoursAfter(acceptedAt, 25))).toMatchObject({ since: acceptedAt, step: 2, overdueHours: 1 });
  });

  it.each(['IN_PROGRESS', 'RESOLVED', 'DECLINED', 'CANCELLED'] as const)('a %s referral is never overdue (it waits on no step)', (status) => {
    expect(referralOverdue({ ...sent, status }, 'CRITICAL', hoursAfter(SENT_AT, 1000))).toBeNull();
  });
});
