/**
 * Builders for saved plans (src/domain/Plan.ts): valid defaults, overridable
 * field by field, a fresh time-ordered id per call. Names say synthetic.
 */
import { newPlanId, type PlanRecord } from '../../../src/domain/Plan';
import { BUILT_AT, nextSequence } from './defaults';

let clock = Date.parse(BUILT_AT);

/** A fresh plan id, later than every one this builder made before (ids sort by creation). */
export function aPlanId(): string {
  clock += 1000;
  return newPlanId(new Date(clock));
}

export function aPlan(overrides: Partial<PlanRecord> = {}): PlanRecord {
  const n = nextSequence();
  return {
    id: aPlanId(),
    name: `测试规划 ${n} (synthetic)`,
    note: null,
    changes: [{ kind: 'SET_SERVICE_STATUS', serviceId: 'svc_synthetic-1', serviceStatus: 'ACTIVE' }],
    authorId: 'acc_synthetic-designer',
    authorName: '测试设计师 (synthetic)',
    status: 'DRAFT',
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    appliedAt: null,
    appliedById: null,
    appliedByName: null,
    version: 1,
    ...overrides,
  };
}
