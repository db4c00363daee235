import type { AllocationNeed } from '../../../../src/domain/matching';

/** A synthetic open need for allocation tests; candidates as [serviceId, score] pairs, best first. */
export function anAllocationNeed(overrides: Partial<AllocationNeed> = {}): AllocationNeed {
  return {
    needId: 'need_1',
    villageId: 'vil_a',
    vulnerabilityScore: 5,
    urgency: 'MEDIUM',
    createdAt: '2025-03-01T08:00:00+08:00',
    candidates: [{ serviceId: 'svc_1', score: 0.8 }],
    ...overrides,
  };
}

export function candidates(...serviceIds: string[]): AllocationNeed['candidates'] {
  return serviceIds.map((serviceId, i) => ({ serviceId, score: 0.9 - i * 0.1 }));
}

export function capacities(entries: Record<string, number | null>): ReadonlyMap<string, number | null> {
  return new Map(Object.entries(entries));
}
