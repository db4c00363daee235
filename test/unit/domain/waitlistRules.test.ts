import type { Household, Need, Service } from '../../../src/domain/model';
import { ACTION_LIMIT_HOURS } from '../../../src/domain/referralLifecycle';
import type { WaitlistEntry } from '../../../src/domain/WaitlistEntry';
import { compareWaitlistEntries } from '../../../src/domain/waitlistOrder';
import { capacityStatus, freePlaces, listOrder, planSettle, referralMayClaim, waitingPosition } from '../../../src/domain/waitlistRules';
import { aHousehold, aNeed, aWaitlistEntry } from '../../support/builders';

/** The waiting-list rules (issue 14 item 3), without a store. All records synthetic. */
const SERVICE = 'svc_synthetic-full';
const at = (minutes: number) => new Date(Date.parse('2026-12-01T08:00:00.000Z') + minutes * 60_000).toISOString();

function entry(urgency: Need['urgency'], vulnerability: number, joinedMinute: number, overrides: Partial<WaitlistEntry> = {}): WaitlistEntry {
  const household: Household = aHousehold({ vulnerabilityScore: vulnerability });
  return aWaitlistEntry(aNeed({ householdId: household.id, urgency }), household, SERVICE, { joinedAt: at(joinedMinute), ...overrides });
}
const full = (capacity: number | null, activeReferrals: number, status: Service['status'] = 'ACTIVE') => ({ capacity, activeReferrals, status });
const open = (entries: WaitlistEntry[]) => entries.map((e) => ({ entry: e, needOpen: true }));

describe('compareWaitlistEntries', () => {
  it('puts urgency first, then vulnerability, then the earlier join, then the need id', () => {
    const lowButVulnerable = entry('LOW', 9, 0);
    const critical = entry('CRITICAL', 0, 50);
    const highVulnerable = entry('HIGH', 5, 40);
    const highEarly = entry('HIGH', 2, 10);
    const highLate = entry('HIGH', 2, 20);
    const sorted = [lowButVulnerable, highLate, critical, highEarly, highVulnerable].sort(compareWaitlistEntries);
    expect(sorted).toEqual([critical, highVulnerable, highEarly, highLate, lowButVulnerable]);
    const [a, b] = [entry('MEDIUM', 1, 0), entry('MEDIUM', 1, 0)];
    expect(Math.sign(compareWaitlistEntries(a, b))).toBe(a.needId < b.needId ? -1 : 1);
  });
});

describe('planSettle', () => {
  it('offers each free unit to the next waiting need, holding it for the action limit of its urgency', () => {
    const first = entry('HIGH', 1, 0);
    const second = entry('LOW', 1, 0);
    const plan = planSettle(full(2, 1), open([second, first]), at(5));
    expect(plan.offer).toEqual([{ ...first, status: 'OFFERED', offeredAt: at(5), offerExpiresAt: at(5 + ACTION_LIMIT_HOURS.HIGH * 60) }]);
    expect(plan.remove).toEqual([]);
    expect(plan.after.map((e) => [e.needId, e.status])).toEqual([
      [first.needId, 'OFFERED'],
      [second.needId, 'WAITING'],
    ]);
  });

  it('counts held offers as taken, passes lapsed ones on, and drops needs no longer open', () => {
    const held = entry('CRITICAL', 1, 0, { status: 'OFFERED', offeredAt: at(0), offerExpiresAt: at(60) });
    const lapsed = entry('CRITICAL', 1, 0, { status: 'OFFERED', offeredAt: at(0), offerExpiresAt: at(10) });
    const referredElsewhere = entry('HIGH', 9, 0);
    const next = entry('MEDIUM', 1, 0);
    const plan = planSettle(full(3, 1), [...open([held, lapsed, next]), { entry: referredElsewhere, needOpen: false }], at(10));
    expect(plan.remove.map((e) => e.needId).sort()).toEqual([lapsed.needId, referredElsewhere.needId].sort());
    expect(plan.offer.map((e) => e.needId)).toEqual([next.needId]);
  });

  it('offers nothing on a service that is not ACTIVE, and everything on one with no stated limit', () => {
    const waiting = [entry('HIGH', 1, 0), entry('LOW', 1, 1)];
    expect(planSettle(full(5, 0, 'SUSPENDED'), open(waiting), at(0)).offer).toEqual([]);
    expect(planSettle(full(null, 7), open(waiting), at(0)).offer).toHaveLength(2);
  });
});

describe('referralMayClaim, freePlaces, capacityStatus, positions', () => {
  it('gives a held unit only to its need, and a free one to anyone when nobody waits', () => {
    const offered = entry('HIGH', 1, 0, { status: 'OFFERED', offeredAt: at(0), offerExpiresAt: at(60) });
    expect(freePlaces(full(1, 0), [offered], at(1))).toBe(0);
    expect(referralMayClaim(full(1, 0), [offered], offered.needId, at(1))).toBe(true);
    expect(referralMayClaim(full(1, 0), [offered], 'ned_synthetic-other', at(1))).toBe(false);
    expect(referralMayClaim(full(2, 0), [], 'ned_synthetic-other', at(1))).toBe(true);
  });

  it('speaks HL7 SDOHCC: capacity, waitlist (full or owed to the queue), no-capacity (not ACTIVE)', () => {
    expect(capacityStatus(full(2, 1), [], at(0))).toBe('CAPACITY');
    expect(capacityStatus(full(null, 9), [], at(0))).toBe('CAPACITY');
    expect(capacityStatus(full(2, 2), [], at(0))).toBe('WAITLIST');
    expect(capacityStatus(full(2, 1), [entry('LOW', 0, 0)], at(0))).toBe('WAITLIST');
    expect(capacityStatus(full(2, 0, 'SUSPENDED'), [], at(0))).toBe('NO_CAPACITY');
  });

  it('numbers the WAITING entries from 1 after the offers', () => {
    const offered = entry('LOW', 0, 0, { status: 'OFFERED', offeredAt: at(0), offerExpiresAt: at(60) });
    const a = entry('HIGH', 1, 0);
    const b = entry('MEDIUM', 1, 0);
    const ordered = listOrder([b, offered, a]);
    expect(ordered).toEqual([offered, a, b]);
    expect([offered, a, b].map((e) => waitingPosition(ordered, e.needId))).toEqual([null, 1, 2]);
  });
});
