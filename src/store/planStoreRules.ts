import { PlanRecord } from '../domain/Plan';
import { HuzhuError, isHuzhuError, notFound } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import type { PlanApplication } from './GraphStore';

/**
 * What each saved-plan write of the port (GraphStore, "saved plans") checks
 * and makes of the stored record: pure functions both adapters apply to the
 * plan they hold under the write lock (memory: the write queue; Neo4j: the
 * :Plan node's lock), so the two cannot drift apart.
 */

/** Validates a plan given to the store (BAD_USER_INPUT with the field's path). */
export function validPlan(plan: unknown): PlanRecord {
  return parseInput(PlanRecord, plan, []);
}

export function planIdTaken(adapter: string, id: string): HuzhuError {
  return new HuzhuError('CONFLICT', `${adapter}: createPlan: the id is taken by an existing plan; use a new id (newPlanId)`, {
    path: ['id'],
    details: { existingId: id },
  });
}

export function planNotFound(id: string): HuzhuError {
  return notFound('Plan', id, ['id']);
}

/**
 * A write to `stored` is allowed only on a DRAFT at `expectedVersion`:
 * CONFLICT at ['status'] for an APPLIED plan, at ['expectedVersion'] for
 * another version (someone saved it since it was read).
 */
export function assertWritablePlan(stored: PlanRecord, expectedVersion: number, adapter: string, operation: string): void {
  if (stored.status !== 'DRAFT') {
    throw new HuzhuError('CONFLICT', `${adapter}: ${operation}: plan ${stored.id} is ${stored.status} and can no longer change`, {
      path: ['status'],
      details: { existingId: stored.id, status: stored.status },
    });
  }
  if (stored.version !== expectedVersion) {
    throw new HuzhuError(
      'CONFLICT',
      `${adapter}: ${operation}: plan ${stored.id} is at version ${stored.version}, not ${expectedVersion}; someone saved it since you read it (read it again and retry)`,
      { path: ['expectedVersion'], details: { existingId: stored.id, expectedVersion, actualVersion: stored.version } },
    );
  }
}

/** updatePlan: the given record, stored at the next version (the id, author and creation are the stored plan's). */
export function planAfterUpdate(stored: PlanRecord, given: PlanRecord): PlanRecord {
  return validPlan({
    ...given,
    id: stored.id,
    authorId: stored.authorId,
    authorName: stored.authorName,
    createdAt: stored.createdAt,
    status: 'DRAFT',
    appliedAt: null,
    appliedById: null,
    appliedByName: null,
    version: stored.version + 1,
  });
}

/** applyPlan: the stored plan, APPLIED by the application's actor, at the next version. */
export function planAfterApply(stored: PlanRecord, application: PlanApplication): PlanRecord {
  return validPlan({
    ...stored,
    status: 'APPLIED',
    appliedAt: application.appliedAt,
    appliedById: application.appliedById,
    appliedByName: application.appliedByName,
    updatedAt: application.appliedAt,
    version: stored.version + 1,
  });
}

/** A failure of the application's write `index`: the same error with its path under ['writes', index]. */
export function atPlanWrite(error: unknown, index: number): unknown {
  if (!isHuzhuError(error)) return error;
  const path = ['writes', index, ...error.path];
  return new HuzhuError(error.code, `${path.join('.')}: ${error.message}`, { path, details: error.details, cause: error });
}
