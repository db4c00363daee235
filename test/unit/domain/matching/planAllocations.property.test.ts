/**
 * Properties of planAllocations on random synthetic needs: capacity, candidacy,
 * one service per need, and the documented priority guarantee, checked against
 * a turn order recomputed here by brute force from the rule's wording.
 */
import fc from 'fast-check';
import { VULNERABILITY_TIERS, planAllocations, type AllocationNeed, type AllocationPlan } from '../../../../src/domain/matching';
import type { Urgency } from '../../../../src/domain/model';

const SERVICES = ['svc_a', 'svc_b', 'svc_c', 'svc_d', 'svc_e'];
const VILLAGES = ['vil_1', 'vil_2', 'vil_3', 'vil_4'];
const URGENCIES: Urgency[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

interface Scenario {
  needs: AllocationNeed[];
  capacityLeft: Map<string, number | null>;
}

const needsArb = (scoreArb: fc.Arbitrary<number>, candidatesArb: fc.Arbitrary<string[]>) =>
  fc
    .array(
      fc.record({
        villageId: fc.constantFrom(...VILLAGES),
        vulnerabilityScore: scoreArb,
        urgency: fc.constantFrom(...URGENCIES),
        // Few distinct instants, some in other offsets, so ties and the id tie-break occur.
        createdAt: fc.constantFrom('2025-01-01T08:00:00+08:00', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z', '2024-12-31T23:00:00-02:00'),
        serviceIds: candidatesArb,
      }),
      { maxLength: 40 },
    )
    .map((specs) =>
      specs.map(({ serviceIds, ...rest }, i) => ({
        needId: `need_${String(i).padStart(2, '0')}`,
        ...rest,
        candidates: serviceIds.map((serviceId, k) => ({ serviceId, score: 1 - k / 10 })),
      })),
    );

const capacitiesArb = fc
  .tuple(...SERVICES.map(() => fc.option(fc.integer({ min: -1, max: 4 }), { freq: 6 })))
  .map((caps) => new Map(SERVICES.map((id, i) => [id, caps[i] ?? null])));

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  // Scores on and around the tier boundaries as well as in between.
  needs: needsArb(
    fc.oneof(fc.constantFrom(0, 1, 3.5, 4, 7, 8, 11.5, 12, 15), fc.double({ min: 0, max: 20, noNaN: true })),
    fc.shuffledSubarray(SERVICES, { maxLength: 4 }),
  ),
  capacityLeft: capacitiesArb,
});

// ---------------------------------------------------------------------------
// The documented turn order, recomputed straight from its wording.

function tierOf(score: number): number {
  // "a score falls in the first tier whose minimum it reaches (NONE only for exactly 0)"
  if (score === 0) return VULNERABILITY_TIERS.length - 1;
  return VULNERABILITY_TIERS.findIndex((t) => score >= t.minScore);
}

const URGENCY_ORDER: Record<Urgency, number> = { CRITICAL: 3, HIGH: 2, MEDIUM: 1, LOW: 0 };

/** "X has priority over Y": score desc, urgency desc, oldest, id. */
function hasPriority(x: AllocationNeed, y: AllocationNeed): boolean {
  if (x.vulnerabilityScore !== y.vulnerabilityScore) return x.vulnerabilityScore > y.vulnerabilityScore;
  if (x.urgency !== y.urgency) return URGENCY_ORDER[x.urgency] > URGENCY_ORDER[y.urgency];
  const tx = new Date(x.createdAt).getTime();
  const ty = new Date(y.createdAt).getTime();
  if (tx !== ty) return tx < ty;
  return x.needId < y.needId;
}

/** Position of a need in its village's queue within its tier: how many needs there have priority over it. */
function queuePosition(need: AllocationNeed, all: readonly AllocationNeed[]): number {
  return all.filter(
    (other) => other !== need && other.villageId === need.villageId && tierOf(other.vulnerabilityScore) === tierOf(need.vulnerabilityScore) && hasPriority(other, need),
  ).length;
}

/** "X goes ahead of Y": higher tier; or same tier and earlier in its village's queue; or both equal and X has priority. */
function goesAheadOf(x: AllocationNeed, y: AllocationNeed, all: readonly AllocationNeed[]): boolean {
  const tx = tierOf(x.vulnerabilityScore);
  const ty = tierOf(y.vulnerabilityScore);
  if (tx !== ty) return tx < ty;
  const px = queuePosition(x, all);
  const py = queuePosition(y, all);
  if (px !== py) return px < py;
  return hasPriority(x, y);
}

function serviceOf(plan: AllocationPlan): Map<string, string> {
  return new Map(plan.assignments.map((a) => [a.needId, a.serviceId]));
}

function rankIn(need: AllocationNeed, serviceId: string): number {
  return need.candidates.findIndex((c) => c.serviceId === serviceId);
}

// ---------------------------------------------------------------------------

const RUNS = { numRuns: 500 };

describe('planAllocations properties', () => {
  it('never books a service beyond its capacity left', () => {
    fc.assert(
      fc.property(scenarioArb, ({ needs, capacityLeft }) => {
        const plan = planAllocations({ needs, capacityLeft });
        const booked = new Map<string, number>();
        for (const a of plan.assignments) booked.set(a.serviceId, (booked.get(a.serviceId) ?? 0) + 1);
        for (const [serviceId, count] of booked) {
          const cap = capacityLeft.get(serviceId);
          if (cap !== null && cap !== undefined) expect(count).toBeLessThanOrEqual(Math.max(0, cap));
        }
      }),
      RUNS,
    );
  });

  it('assigns each need only one of its own candidates, with that candidate’s score and rank', () => {
    fc.assert(
      fc.property(scenarioArb, ({ needs, capacityLeft }) => {
        const byId = new Map(needs.map((n) => [n.needId, n]));
        for (const a of planAllocations({ needs, capacityLeft }).assignments) {
          const need = byId.get(a.needId);
          expect(need).toBeDefined();
          const rank = rankIn(need as AllocationNeed, a.serviceId);
          expect(rank).toBe(a.candidateRank);
          expect(need?.candidates[rank]?.score).toBe(a.score);
        }
      }),
      RUNS,
    );
  });

  it('accounts for every need exactly once: assigned once or unassigned once', () => {
    fc.assert(
      fc.property(scenarioArb, ({ needs, capacityLeft }) => {
        const plan = planAllocations({ needs, capacityLeft });
        const seen = [...plan.assignments.map((a) => a.needId), ...plan.unassigned.map((u) => u.needId)];
        expect(seen.sort()).toEqual(needs.map((n) => n.needId).sort());
        const summed = plan.byVillage.reduce((acc, v) => acc + v.needs, 0);
        expect(summed).toBe(needs.length);
      }),
      RUNS,
    );
  });

  it('leaves a need unassigned for lack of room only when every one of its candidates is full', () => {
    fc.assert(
      fc.property(scenarioArb, ({ needs, capacityLeft }) => {
        const plan = planAllocations({ needs, capacityLeft });
        const booked = new Map<string, number>();
        for (const a of plan.assignments) booked.set(a.serviceId, (booked.get(a.serviceId) ?? 0) + 1);
        const byId = new Map(needs.map((n) => [n.needId, n]));
        for (const u of plan.unassigned) {
          const need = byId.get(u.needId) as AllocationNeed;
          expect(u.reason).toBe(need.candidates.length === 0 ? 'NO_CANDIDATES' : 'CANDIDATES_FULL');
          for (const c of need.candidates) {
            const cap = capacityLeft.get(c.serviceId);
            expect(cap).not.toBeNull();
            expect(booked.get(c.serviceId) ?? 0).toBe(Math.max(0, cap as number));
          }
        }
      }),
      RUNS,
    );
  });

  it('never leaves a household of a higher tier without a service that a lower-tier household received and it could have taken', () => {
    fc.assert(
      fc.property(scenarioArb, ({ needs, capacityLeft }) => {
        const got = serviceOf(planAllocations({ needs, capacityLeft }));
        for (const x of needs) {
          if (got.has(x.needId)) continue;
          for (const y of needs) {
            const s = got.get(y.needId);
            if (s === undefined || tierOf(x.vulnerabilityScore) >= tierOf(y.vulnerabilityScore)) continue;
            expect(rankIn(x, s)).toBe(-1);
          }
        }
      }),
      RUNS,
    );
  });

  it('guarantees: if X goes ahead of Y and Y got S that X could take, X got a service it ranks no worse than S', () => {
    fc.assert(
      fc.property(scenarioArb, ({ needs, capacityLeft }) => {
        const plan = planAllocations({ needs, capacityLeft });
        const got = serviceOf(plan);
        for (const x of needs) {
          for (const y of needs) {
            const s = got.get(y.needId);
            if (x === y || s === undefined || rankIn(x, s) === -1 || !goesAheadOf(x, y, needs)) continue;
            const mine = got.get(x.needId);
            expect(mine).toBeDefined();
            expect(rankIn(x, mine as string)).toBeLessThanOrEqual(rankIn(x, s));
          }
        }
      }),
      RUNS,
    );
  });

  it('makes assignments in the documented turn order', () => {
    fc.assert(
      fc.property(scenarioArb, ({ needs, capacityLeft }) => {
        const plan = planAllocations({ needs, capacityLeft });
        const byId = new Map(needs.map((n) => [n.needId, n]));
        const order = plan.assignments.map((a) => byId.get(a.needId) as AllocationNeed);
        for (let i = 1; i < order.length; i++) {
          expect(goesAheadOf(order[i - 1] as AllocationNeed, order[i] as AllocationNeed, needs)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('shares a single scarce service evenly across villages within a tier', () => {
    const sameTierArb = fc.record({
      needs: needsArb(fc.double({ min: 4, max: 7.99, noNaN: true }), fc.constant(['svc_a'])),
      slots: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(sameTierArb, ({ needs, slots }) => {
        const plan = planAllocations({ needs, capacityLeft: new Map([['svc_a', slots]]) });
        const rows = plan.byVillage;
        for (const a of rows) {
          for (const b of rows) {
            // Village a may be ahead of b by at most one turn, unless b has no need left to serve.
            if (b.unassigned > 0) expect(a.assigned).toBeLessThanOrEqual(b.assigned + 1);
          }
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order the needs are given in', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) => fc.shuffledSubarray(s.needs, { minLength: s.needs.length, maxLength: s.needs.length }).map((shuffled) => ({ ...s, shuffled }))),
        ({ needs, shuffled, capacityLeft }) => {
          expect(planAllocations({ needs: shuffled, capacityLeft })).toEqual(planAllocations({ needs, capacityLeft }));
        },
      ),
      RUNS,
    );
  });
});
