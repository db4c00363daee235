import { planAllocations, type AllocationNeed } from '../../../../src/domain/matching';
import { anAllocationNeed, candidates, capacities } from '../../../support/builders';

/** What these tests rely on (ids in the expected plans and messages), passed to the shared builder. */
const NEED_1 = { needId: 'need_1', villageId: 'vil_a', candidates: [{ serviceId: 'svc_1', score: 0.8 }] } satisfies Partial<AllocationNeed>;

const assignedIds = (plan: ReturnType<typeof planAllocations>) => plan.assignments.map((a) => a.needId);

describe('planAllocations', () => {
  it('gives each need its best candidate while it has a slot', () => {
    const plan = planAllocations({
      needs: [anAllocationNeed({ ...NEED_1, candidates: candidates('svc_best', 'svc_next') })],
      capacityLeft: capacities({ svc_best: 1, svc_next: 1 }),
    });
    expect(plan.assignments).toEqual([
      { needId: 'need_1', serviceId: 'svc_best', score: 0.9, candidateRank: 0, villageId: 'vil_a', tier: 'MODERATE' },
    ]);
    expect(plan.unassigned).toEqual([]);
  });

  it('never books a service beyond its capacity left', () => {
    const needs = ['need_1', 'need_2', 'need_3'].map((needId) => anAllocationNeed({ ...NEED_1, needId }));
    const plan = planAllocations({ needs, capacityLeft: capacities({ svc_1: 2 }) });
    expect(plan.assignments).toHaveLength(2);
    expect(plan.unassigned).toEqual([
      {
        needId: 'need_3',
        villageId: 'vil_a',
        tier: 'MODERATE',
        reason: 'CANDIDATES_FULL',
        detail: 'every candidate service is full, already or by needs ahead of it: svc_1',
      },
    ]);
  });

  it('falls back to the next candidate when the best one is full', () => {
    const needs = [
      anAllocationNeed({ ...NEED_1, needId: 'need_first', vulnerabilityScore: 9, candidates: candidates('svc_a') }),
      anAllocationNeed({ ...NEED_1, needId: 'need_second', vulnerabilityScore: 5, candidates: candidates('svc_a', 'svc_b') }),
    ];
    const plan = planAllocations({ needs, capacityLeft: capacities({ svc_a: 1, svc_b: 1 }) });
    expect(plan.assignments.find((a) => a.needId === 'need_second')).toMatchObject({ serviceId: 'svc_b', candidateRank: 1 });
  });

  it('assigns every need to an unlimited service', () => {
    const needs = Array.from({ length: 50 }, (_, i) => anAllocationNeed({ ...NEED_1, needId: `need_${i}` }));
    expect(planAllocations({ needs, capacityLeft: capacities({ svc_1: null }) }).assignments).toHaveLength(50);
  });

  it('treats a negative capacity left as full', () => {
    const plan = planAllocations({ needs: [anAllocationNeed(NEED_1)], capacityLeft: capacities({ svc_1: -2 }) });
    expect(plan.unassigned.map((u) => u.reason)).toEqual(['CANDIDATES_FULL']);
  });

  it('reports a need without candidates as NO_CANDIDATES', () => {
    const plan = planAllocations({ needs: [anAllocationNeed({ ...NEED_1, candidates: [] })], capacityLeft: capacities({}) });
    expect(plan.unassigned).toEqual([
      { needId: 'need_1', villageId: 'vil_a', tier: 'MODERATE', reason: 'NO_CANDIDATES', detail: 'no suitable service was found for this need' },
    ]);
  });

  describe('vulnerability first', () => {
    it('serves a higher tier before a lower one, even an older, critical need of the lower tier', () => {
      const needs = [
        anAllocationNeed({ ...NEED_1, needId: 'need_high', vulnerabilityScore: 8, urgency: 'CRITICAL', createdAt: '2024-01-01T00:00:00Z' }),
        anAllocationNeed({ ...NEED_1, needId: 'need_severe', villageId: 'vil_b', vulnerabilityScore: 12, urgency: 'LOW', createdAt: '2025-06-01T00:00:00Z' }),
      ];
      const plan = planAllocations({ needs, capacityLeft: capacities({ svc_1: 1 }) });
      expect(assignedIds(plan)).toEqual(['need_severe']);
    });

    it('within a village and tier, orders by score, then urgency, then age, then id', () => {
      const needs: AllocationNeed[] = [
        anAllocationNeed({ ...NEED_1, needId: 'need_e', vulnerabilityScore: 5, urgency: 'HIGH', createdAt: '2025-01-02T00:00:00Z' }),
        anAllocationNeed({ ...NEED_1, needId: 'need_d', vulnerabilityScore: 5, urgency: 'HIGH', createdAt: '2025-01-02T00:00:00Z' }),
        anAllocationNeed({ ...NEED_1, needId: 'need_c', vulnerabilityScore: 5, urgency: 'HIGH', createdAt: '2025-01-01T00:00:00Z' }),
        anAllocationNeed({ ...NEED_1, needId: 'need_b', vulnerabilityScore: 5, urgency: 'CRITICAL', createdAt: '2025-01-03T00:00:00Z' }),
        anAllocationNeed({ ...NEED_1, needId: 'need_a', vulnerabilityScore: 7, urgency: 'LOW', createdAt: '2025-01-04T00:00:00Z' }),
      ];
      const plan = planAllocations({ needs, capacityLeft: capacities({ svc_1: null }) });
      expect(assignedIds(plan)).toEqual(['need_a', 'need_b', 'need_c', 'need_d', 'need_e']);
    });

    it('compares creation times as instants, not as text', () => {
      const needs = [
        anAllocationNeed({ ...NEED_1, needId: 'need_later', createdAt: '2025-01-01T02:00:00+00:00' }),
        anAllocationNeed({ ...NEED_1, needId: 'need_earlier', createdAt: '2025-01-01T09:00:00+08:00' }),
      ];
      expect(assignedIds(planAllocations({ needs, capacityLeft: capacities({ svc_1: 1 }) }))).toEqual(['need_earlier']);
    });
  });

  describe('fair across villages', () => {
    it('lets villages take turns within a tier, so a big village cannot take every slot', () => {
      const big = ['need_a1', 'need_a2', 'need_a3'].map((needId, i) => anAllocationNeed({ ...NEED_1, needId, villageId: 'vil_big', vulnerabilityScore: 7 - i * 0.5 }));
      const small = anAllocationNeed({ ...NEED_1, needId: 'need_b1', villageId: 'vil_small', vulnerabilityScore: 4 });
      const plan = planAllocations({ needs: [...big, small], capacityLeft: capacities({ svc_1: 2 }) });
      expect(assignedIds(plan)).toEqual(['need_a1', 'need_b1']);
    });

    it('does not let turn-taking cross tiers', () => {
      const needs = [
        anAllocationNeed({ ...NEED_1, needId: 'need_a1', villageId: 'vil_big', vulnerabilityScore: 13 }),
        anAllocationNeed({ ...NEED_1, needId: 'need_a2', villageId: 'vil_big', vulnerabilityScore: 12 }),
        anAllocationNeed({ ...NEED_1, needId: 'need_b1', villageId: 'vil_small', vulnerabilityScore: 11 }),
      ];
      expect(assignedIds(planAllocations({ needs, capacityLeft: capacities({ svc_1: 2 }) }))).toEqual(['need_a1', 'need_a2']);
    });

    it('summarises needs, assigned and unassigned per village', () => {
      const needs = [
        anAllocationNeed({ ...NEED_1, needId: 'need_1', villageId: 'vil_b' }),
        anAllocationNeed({ ...NEED_1, needId: 'need_2', villageId: 'vil_a' }),
        anAllocationNeed({ ...NEED_1, needId: 'need_3', villageId: 'vil_a' }),
      ];
      const plan = planAllocations({ needs, capacityLeft: capacities({ svc_1: 2 }) });
      expect(plan.byVillage).toEqual([
        { villageId: 'vil_a', needs: 2, assigned: 1, unassigned: 1 },
        { villageId: 'vil_b', needs: 1, assigned: 1, unassigned: 0 },
      ]);
    });
  });

  describe('rejects input it cannot plan', () => {
    it('a candidate with no capacity entry', () => {
      expect(() => planAllocations({ needs: [anAllocationNeed(NEED_1)], capacityLeft: capacities({}) })).toThrow(
        /domain\/planAllocations: need need_1 lists candidate svc_1 but capacityLeft has no entry for it/,
      );
    });

    it('a need listed twice', () => {
      expect(() => planAllocations({ needs: [anAllocationNeed(NEED_1), anAllocationNeed(NEED_1)], capacityLeft: capacities({ svc_1: 1 }) })).toThrow(
        /need need_1 is listed twice/,
      );
    });

    it('a creation time that is not a date-time', () => {
      expect(() => planAllocations({ needs: [anAllocationNeed({ ...NEED_1, createdAt: 'yesterday' })], capacityLeft: capacities({ svc_1: 1 }) })).toThrow(
        /needs\[0\] \(need_1\) has createdAt "yesterday"/,
      );
    });

    it('a negative vulnerability score', () => {
      expect(() => planAllocations({ needs: [anAllocationNeed({ ...NEED_1, vulnerabilityScore: -3 })], capacityLeft: capacities({ svc_1: 1 }) })).toThrow(
        /vulnerability score must be a finite number ≥ 0, got -3/,
      );
    });
  });
});
