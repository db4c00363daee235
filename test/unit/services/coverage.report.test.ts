import type { ReferralStatus, ReferralTransition } from '../../../src/domain/model';
import { coverageReport, type CoverageReportInput } from '../../../src/services/coverage/coverageReport';
import type { ReferralFact } from '../../../src/services/coverage/referralFacts';
import { quantile } from '../../../src/services/coverage/responseTimes';
import { suppressSmallCells } from '../../../src/services/coverage/suppressSmallCells';
import { villageCoverage } from '../../../src/services/coverage/villageCoverage';
import { CATEGORIES, aCounty, networkOf, snapshotOf, type County } from './coverageCounty';

const SENT_AT = Date.parse('2025-03-01T00:00:00.000Z');

/** A referral fact whose transitions happen the given number of hours after it was sent. */
function aReferralFact(overrides: Partial<ReferralFact> & { hoursTo?: Partial<Record<ReferralStatus, number>> } = {}): ReferralFact {
  const { hoursTo = {}, ...rest } = overrides;
  const at = (h: number) => new Date(SENT_AT + h * 3_600_000).toISOString();
  const transitions: ReferralTransition[] = [{ status: 'SENT', at: at(0), actorId: 'per_test', reason: null, note: null }];
  for (const [status, hours] of Object.entries(hoursTo)) {
    transitions.push({ status: status as ReferralStatus, at: at(hours), actorId: 'per_test', reason: null, note: null });
  }
  const last = transitions[transitions.length - 1] as ReferralTransition;
  return { status: last.status, reason: null, transitions, createdAt: at(0), category: 'MEDICAL', villageId: null, townshipId: null, ...rest };
}

function reportOf(county: County, overrides: Partial<CoverageReportInput> = {}) {
  const coverage = villageCoverage(networkOf(snapshotOf(county)), { categories: CATEGORIES, maxDistanceKm: 30 });
  const report = coverageReport({
    networkVersion: 7,
    coverage,
    scope: { townshipId: null, category: null, maxDistanceKm: 30 },
    period: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') },
    mostVulnerable: { ranked: 20, supported: 3, unsupported: [] },
    officers: { trained: 12, inTraining: 13 },
    referrals: [],
    ...overrides,
  });
  return suppressSmallCells(report, { suppress: false });
}

describe('coverageReport', () => {
  it('counts villages with an ESTABLISHED liaison as covered, and sums their households', () => {
    const report = reportOf(aCounty());
    // 甲村 (12 households) and 丙村 (20) have an ESTABLISHED liaison; 乙村's is BUILDING and 丁村 has none.
    expect(report.summary).toEqual({
      villagesTotal: 4,
      villagesCovered: 2,
      villagesFullyCovered: 0,
      householdsTotal: 45,
      householdsCovered: 32,
      suppressed: false,
    });
  });

  it('reports the four targets with their current values and what counts', () => {
    const report = reportOf(aCounty());
    expect(report.targets.map((t) => [t.key, t.target, t.current, t.met])).toEqual([
      ['VILLAGES_COVERED', 20, 2, false],
      ['FAMILIES_COVERED', 10_000, 32, false],
      ['MOST_VULNERABLE_SUPPORTED', 20, 3, false],
      ['OFFICERS_TRAINED', 20, 12, false],
    ]);
    for (const target of report.targets) expect(target.counts.length).toBeGreaterThan(20);
  });

  it('returns each target with its definition and what is missing', () => {
    const county = aCounty();
    const report = reportOf(county);
    const byKey = Object.fromEntries(report.targets.map((t) => [t.key, t]));
    for (const t of report.targets) {
      expect(t.definition.key).toBe(t.key);
      expect(t.counts).toBe(t.definition.en);
      expect(t.label).toContain(t.definition.labelZh);
    }
    // 乙村's liaison knows the station only as BUILDING: one liaison away, with its 8 households.
    expect(byKey['VILLAGES_COVERED']!.missing).toMatchObject({ shortBy: 18, villages: [{ villageId: county.villages.vB.id, liaisonStatus: 'BUILDING', households: 8 }] });
    expect(byKey['FAMILIES_COVERED']!.missing).toMatchObject({ shortBy: 10_000 - 32, familiesOneLiaisonAway: 8 });
    expect(byKey['OFFICERS_TRAINED']!.missing.summary).toMatch(/13/);
  });

  it('lists the top-ranked families without support as the facts give them', () => {
    const unsupported = [{ householdId: 'hh_x', villageId: 'vil_x', townshipId: null, rank: 2, gap: 'NOT_REFERRED' as const, reason: '…', needIds: ['need_x'] }];
    const report = reportOf(aCounty(), { mostVulnerable: { ranked: 20, supported: 3, unsupported } });
    expect(report.targets.find((t) => t.key === 'MOST_VULNERABLE_SUPPORTED')!.missing).toMatchObject({ shortBy: 17, families: unsupported });
  });

  it('ranks gaps by the vulnerable households they affect, naming village and township', () => {
    const county = aCounty();
    const report = reportOf(county);
    const { vA, vB, vC, vD } = county.villages;
    expect(report.gaps.map((g) => [g.villageName, g.category, g.kind, g.vulnerableHouseholds])).toEqual([
      [vB.displayName, 'MEDICAL', 'NO_SERVICE', 6],
      [vB.displayName, 'ELDERLY_CARE', 'NO_SERVICE', 6],
      [vB.displayName, 'EDUCATION', 'NO_SERVICE', 6],
      [vD.displayName, 'MEDICAL', 'NO_SERVICE', 5],
      [vD.displayName, 'ELDERLY_CARE', 'NO_SERVICE', 5],
      [vD.displayName, 'EDUCATION', 'NO_SERVICE', 5],
      [vA.displayName, 'EDUCATION', 'NO_SERVICE', 3],
      [vC.displayName, 'MEDICAL', 'NO_SERVICE', 2],
      [vC.displayName, 'ELDERLY_CARE', 'AT_CAPACITY', 2],
      [vC.displayName, 'EDUCATION', 'NO_SERVICE', 2],
    ]);
    expect(report.gaps[0]).toMatchObject({ townshipName: 'T1 (synthetic)', cause: 'NO_ESTABLISHED_PATH', households: 8 });
    expect(report.gaps[8]).toMatchObject({ serviceIds: [county.services.eldCare.id], cause: null });
  });

  it('lists gaps for the core categories only, unless a category is asked for', () => {
    const county = aCounty();
    expect(reportOf(county).gaps.some((g) => g.category === 'MENTAL_HEALTH')).toBe(false);
    const mental = reportOf(county, { scope: { townshipId: null, category: 'MENTAL_HEALTH', maxDistanceKm: 30 } });
    expect(mental.gaps.map((g) => g.category)).toEqual(['MENTAL_HEALTH', 'MENTAL_HEALTH', 'MENTAL_HEALTH', 'MENTAL_HEALTH']);
    expect(mental.byCategory.map((c) => c.category)).toEqual(['MENTAL_HEALTH']);
  });

  it('reports coverage per category and per township', () => {
    const county = aCounty();
    const report = reportOf(county);
    const elderly = report.byCategory.find((c) => c.category === 'ELDERLY_CARE');
    expect(elderly).toMatchObject({ core: true, villagesTotal: 4, villagesCovered: 2, villagesAtCapacity: 1, householdsCovered: 32 });
    expect(report.byCategory.find((c) => c.category === 'MEDICAL')).toMatchObject({ villagesCovered: 1, householdsCovered: 12 });
    const t2 = report.byTownship.find((t) => t.townshipId === county.townships.t2.id);
    expect(t2).toMatchObject({ townshipName: 'T2 (synthetic)', villagesTotal: 2, villagesCovered: 1, householdsTotal: 25, householdsCovered: 20 });
    expect(t2?.categories.find((c) => c.category === 'ELDERLY_CARE')?.villagesCovered).toBe(1);
  });

  it('narrows everything but the targets to a township', () => {
    const county = aCounty();
    const report = reportOf(county, { scope: { townshipId: county.townships.t2.id, category: null, maxDistanceKm: 30 } });
    expect(report.summary).toMatchObject({ villagesTotal: 2, villagesCovered: 1, householdsCovered: 20 });
    expect(new Set(report.gaps.map((g) => g.townshipId))).toEqual(new Set([county.townships.t2.id]));
    expect(report.targets.find((t) => t.key === 'FAMILIES_COVERED')?.current).toBe(32);
  });

  it('counts referral outcomes by status and by reason, zeros included', () => {
    const referrals = [
      aReferralFact({ hoursTo: { ACCEPTED: 2, RESOLVED: 30 } }),
      aReferralFact({ hoursTo: { ACCEPTED: 5 } }),
      aReferralFact({ hoursTo: { DECLINED: 1 }, reason: 'NO_CAPACITY' }),
      aReferralFact({}),
    ];
    const outcomes = reportOf(aCounty(), { referrals }).referralOutcomes;
    expect(outcomes.total).toBe(4);
    expect(Object.fromEntries(outcomes.byStatus.map((s) => [s.status, s.count]))).toEqual({
      SENT: 1,
      ACCEPTED: 1,
      IN_PROGRESS: 0,
      RESOLVED: 1,
      DECLINED: 1,
      CANCELLED: 0,
    });
    expect(outcomes.byReason.find((r) => r.reason === 'NO_CAPACITY')?.count).toBe(1);
    expect(outcomes.byReason.find((r) => r.reason === 'OTHER')?.count).toBe(0);
  });

  it('measures response (SENT → ACCEPTED) and resolution (SENT → RESOLVED) times, median and p90, by category and township', () => {
    const county = aCounty();
    const t1 = county.townships.t1.id;
    const t2 = county.townships.t2.id;
    const referrals = [
      ...[1, 2, 3, 4, 10].map((h) => aReferralFact({ hoursTo: { ACCEPTED: h, RESOLVED: h * 10 }, townshipId: t1 })),
      aReferralFact({ category: 'ELDERLY_CARE', hoursTo: { ACCEPTED: 48 }, townshipId: t2 }),
      aReferralFact({ category: 'ELDERLY_CARE', townshipId: t2 }),
    ];
    const times = reportOf(county, { referrals }).responseTimes;
    const medical = times.byCategory.find((r) => r.key === 'MEDICAL');
    expect(medical?.response).toEqual({ count: 5, medianHours: 3, p90Hours: 7.6, suppressed: false });
    expect(medical?.resolution).toEqual({ count: 5, medianHours: 30, p90Hours: 76, suppressed: false });
    const elderly = times.byCategory.find((r) => r.key === 'ELDERLY_CARE');
    expect(elderly).toMatchObject({ label: 'Elderly care', response: { count: 1, medianHours: 48 }, resolution: { count: 0, medianHours: null } });
    expect(times.byTownship.map((r) => [r.label, r.response.count])).toEqual([
      ['T1 (synthetic)', 5],
      ['T2 (synthetic)', 1],
    ]);
    expect(times.overall.response.count).toBe(6);
  });

  it('keeps referrals of the scope only', () => {
    const county = aCounty();
    const referrals = [
      aReferralFact({ townshipId: county.townships.t1.id }),
      aReferralFact({ townshipId: county.townships.t2.id }),
      aReferralFact({ townshipId: county.townships.t2.id, category: 'ELDERLY_CARE' }),
    ];
    const scoped = reportOf(county, { referrals, scope: { townshipId: county.townships.t2.id, category: 'MEDICAL', maxDistanceKm: 30 } });
    expect(scoped.referralOutcomes.total).toBe(1);
  });
});

describe('quantile', () => {
  it('interpolates between closest ranks (type 7)', () => {
    expect(quantile([10, 1, 4, 3, 2], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6, 10);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('has no value for no data', () => {
    expect(quantile([], 0.5)).toBeNull();
  });

  it('refuses a p outside 0..1', () => {
    expect(() => quantile([1], 1.5)).toThrow('services/quantile: p must be between 0 and 1');
  });
});
