import { FamilyFigure, familyCount, sumGroup } from '../../../src/services/coverage/FamilyFigure';
import { referralOutcomes } from '../../../src/services/coverage/referralOutcomes';
import { coverageReport } from '../../../src/services/coverage/coverageReport';
import type { ReferralFact } from '../../../src/services/coverage/referralFacts';
import { SMALL_CELL_THRESHOLD, suppressSmallCells } from '../../../src/services/coverage/suppressSmallCells';
import { villageCoverage } from '../../../src/services/coverage/villageCoverage';
import { CATEGORIES, aCounty, networkOf, snapshotOf } from './coverageCounty';

const restricted = { suppress: true };
const unrestricted = { suppress: false };

describe('suppressSmallCells', () => {
  it('withholds, for a restricted viewer, every count of 1 to 4 families and flags its row', () => {
    for (let n = 1; n < SMALL_CELL_THRESHOLD; n++) {
      expect(suppressSmallCells({ village: '甲村', households: familyCount(n) }, restricted)).toEqual({ village: '甲村', households: null, suppressed: true });
    }
  });

  it('shows counts of 0 and of 5 or more families to a restricted viewer', () => {
    expect(suppressSmallCells({ households: familyCount(0) }, restricted)).toEqual({ households: 0, suppressed: false });
    expect(suppressSmallCells({ households: familyCount(5) }, restricted)).toEqual({ households: 5, suppressed: false });
  });

  it('shows every figure to a viewer who may see households', () => {
    expect(suppressSmallCells({ households: familyCount(1) }, unrestricted)).toEqual({ households: 1, suppressed: false });
  });

  it('withholds a statistic resting on fewer than 5 referrals, whatever its value', () => {
    const timing = { count: familyCount(4), medianHours: new FamilyFigure(36.5, 4) };
    expect(suppressSmallCells(timing, restricted)).toEqual({ count: null, medianHours: null, suppressed: true });
    expect(suppressSmallCells({ medianHours: new FamilyFigure(36.5, 5) }, restricted)).toEqual({ medianHours: 36.5, suppressed: false });
  });

  it('walks nested lists and objects, flagging only the rows that hold figures', () => {
    const report = { title: 'x', rows: [{ n: familyCount(2) }, { n: familyCount(9) }], nested: { inner: { n: familyCount(3) } } };
    expect(suppressSmallCells(report, restricted)).toEqual({
      title: 'x',
      rows: [
        { n: null, suppressed: true },
        { n: 9, suppressed: false },
      ],
      nested: { inner: { n: null, suppressed: true } },
    });
  });

  it('refuses a Map, where a figure would escape the walk', () => {
    expect(() => suppressSmallCells({ byVillage: new Map([['v', familyCount(1)]]) }, restricted)).toThrow(
      'services/suppressSmallCells: reports must be plain objects and arrays, found a Map',
    );
  });

  it('leaves no household figure below 5 in a whole coverage report shown to a restricted viewer', () => {
    const county = aCounty();
    const fact: ReferralFact = {
      status: 'ACCEPTED',
      reason: null,
      transitions: [
        { status: 'SENT', at: '2025-03-01T00:00:00.000Z', actorId: 'per_t', reason: null, note: null },
        { status: 'ACCEPTED', at: '2025-03-01T05:00:00.000Z', actorId: 'per_t', reason: null, note: null },
      ],
      createdAt: '2025-03-01T00:00:00.000Z',
      category: 'MEDICAL',
      villageId: county.villages.vC.id,
      townshipId: county.townships.t2.id,
    };
    const raw = coverageReport({
      networkVersion: 1,
      coverage: villageCoverage(networkOf(snapshotOf(county)), { categories: CATEGORIES, maxDistanceKm: 30 }),
      scope: { townshipId: null, category: null, maxDistanceKm: 30 },
      mostVulnerable: { ranked: 20, supported: 2, unsupported: [] },
      officers: { trained: 3, inTraining: 0 },
      period: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') },
      referrals: [fact, fact],
    });
    const shown = suppressSmallCells(raw, restricted);
    expect(shown.targets.find((t) => t.key === 'MOST_VULNERABLE_SUPPORTED')).toMatchObject({ current: null, suppressed: true });
    // Officers and villages are not families: shown as they are.
    expect(shown.targets.find((t) => t.key === 'OFFICERS_TRAINED')?.current).toBe(3);
    expect(shown.gaps.find((g) => g.villageId === county.villages.vC.id)).toMatchObject({ vulnerableHouseholds: null, households: 20, suppressed: true });
    expect(shown.responseTimes.overall.response).toEqual({ count: null, medianHours: null, p90Hours: null, suppressed: true });
    expect(shown.referralOutcomes.total).toBeNull();
    expect(smallFamilyFigures(shown)).toEqual([]);
  });
});

describe('complementary suppression (a hidden cell cannot be derived from a total and its visible siblings)', () => {
  const counts = (total: number, parts: number[]) => {
    const t = familyCount(total);
    const ps = sumGroup(t, parts.map(familyCount));
    return { total: t, parts: ps.map((n) => ({ n })) };
  };

  it('hides the next smallest sibling when exactly one is hidden', () => {
    expect(suppressSmallCells(counts(20, [3, 9, 8]), restricted)).toEqual({
      total: 20,
      parts: [
        { n: null, suppressed: true },
        { n: 9, suppressed: false },
        { n: null, suppressed: true },
      ],
      suppressed: false,
    });
  });

  it('prefers a non-zero sibling, and hides the total when no sibling is left', () => {
    expect(suppressSmallCells(counts(12, [0, 2, 10]), restricted).parts.map((p) => p.n)).toEqual([0, null, null]);
    expect(suppressSmallCells(counts(7, [3]), restricted)).toEqual({ total: null, parts: [{ n: null, suppressed: true }], suppressed: true });
  });

  it('leaves a group alone when two or more cells are already hidden, and unrestricted viewers see everything', () => {
    expect(suppressSmallCells(counts(20, [3, 2, 15]), restricted).parts.map((p) => p.n)).toEqual([null, null, 15]);
    expect(suppressSmallCells(counts(20, [3, 9, 8]), unrestricted).parts.map((p) => p.n)).toEqual([3, 9, 8]);
  });

  it('protects referral outcomes: 3 declines are not 12 referrals minus 9 resolved', () => {
    const at = '2025-03-01T00:00:00.000Z';
    const fact = (status: ReferralFact['status'], reason: ReferralFact['reason']): ReferralFact => ({
      status,
      reason,
      transitions: [{ status: 'SENT', at, actorId: 'per_t', reason: null, note: null }],
      createdAt: at,
      category: 'MEDICAL',
      villageId: null,
      townshipId: null,
    });
    const facts = [...Array.from({ length: 9 }, () => fact('RESOLVED', null)), ...Array.from({ length: 3 }, () => fact('DECLINED', 'COULD_NOT_CONTACT'))];
    const shown = suppressSmallCells(referralOutcomes(facts), restricted);
    const status = new Map(shown.byStatus.map((r) => [r.status, r.count]));
    expect(shown.total).toBe(12);
    expect(status.get('DECLINED')).toBeNull();
    expect(status.get('RESOLVED')).toBeNull();
    // Every published equation has zero or at least two unknowns.
    const visibleSum = [...status.values()].reduce<number>((sum, n) => sum + (n ?? 0), 0);
    expect([...status.values()].filter((n) => n === null).length).toBeGreaterThanOrEqual(2);
    expect(visibleSum).toBeLessThan(12);
  });

  it('protects township household counts against the county total', () => {
    const county = aCounty();
    // T2 holds 3 families (丙村 2, 丁村 1): hidden, and so must another township's figure be.
    county.households.set(county.villages.vC.id, { households: 2, vulnerable: 0 });
    county.households.set(county.villages.vD.id, { households: 1, vulnerable: 0 });
    const raw = coverageReport({
      networkVersion: 1,
      coverage: villageCoverage(networkOf(snapshotOf(county)), { categories: CATEGORIES, maxDistanceKm: 30 }),
      scope: { townshipId: null, category: null, maxDistanceKm: 30 },
      mostVulnerable: { ranked: 0, supported: 0, unsupported: [] },
      officers: { trained: 0, inTraining: 0 },
      period: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') },
      referrals: [],
    });
    const shown = suppressSmallCells(raw, restricted);
    expect(shown.byTownship.map((t) => t.householdsTotal)).toEqual([null, null]);
    for (const field of ['householdsTotal', 'householdsCovered'] as const) {
      const cells = [shown.summary[field], ...shown.byTownship.map((t) => t[field])];
      const unknowns = cells.filter((n) => n === null).length;
      expect(unknowns === 0 || unknowns >= 2).toBe(true);
    }
  });
});

/** Every count of families (households, counts, totals) that lies between 1 and 4. */
function smallFamilyFigures(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => smallFamilyFigures(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const familyKey = /households|count|total/i.test(key) && !/villages/i.test(key);
    if (familyKey && typeof v === 'number' && v > 0 && v < SMALL_CELL_THRESHOLD) return [`${path}.${key}=${v}`];
    return smallFamilyFigures(v, `${path}.${key}`);
  });
}
