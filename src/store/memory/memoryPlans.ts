import type { PlanRecord } from '../../domain/Plan';
import { badInput } from '../../errors/HuzhuError';
import { MAX_BULK_PAGE, NOT_COUNTED, type Page, type PageRequest } from '../GraphStore';
import { assertWritablePlan, planAfterUpdate, planIdTaken, planNotFound, validPlan } from '../planStoreRules';
import { cloneJson } from './cloneJson';
import type { MemoryOp } from './MemoryGraph';

const ADAPTER = 'store/memory';

/**
 * The memory store's saved plans (issue 12 item 3): a table by id, journaled
 * like accounts (`{ o: 'plan' }` and `{ o: 'unplan' }` ops) and kept in the
 * snapshot (`{ plans: [...] }` lines), so a plan survives a restart. Writes
 * run through MemoryStore's write queue; the rules are ../planStoreRules.ts.
 */
export class MemoryPlanTable {
  readonly #byId = new Map<string, PlanRecord>();
  /** Ids ascending (ids are time-ordered: newest last). */
  #ids: string[] = [];

  put(plan: PlanRecord): void {
    if (!this.#byId.has(plan.id)) this.#ids.splice(sortedIndex(this.#ids, plan.id), 0, plan.id);
    this.#byId.set(plan.id, plan);
  }

  remove(id: string): void {
    if (!this.#byId.delete(id)) return;
    this.#ids.splice(sortedIndex(this.#ids, id), 1);
  }

  get(id: string): PlanRecord | undefined {
    return this.#byId.get(id);
  }

  /** Newest first (ids descending), after the id `page.after`. */
  list(page: PageRequest): Page<PlanRecord> {
    if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_BULK_PAGE) {
      throw badInput(`${ADAPTER}: listPlans: first must be an integer from 0 to ${MAX_BULK_PAGE}, got ${page.first}`, ['first']);
    }
    const items: PlanRecord[] = [];
    let hasNextPage = false;
    let i = page.after == null ? this.#ids.length - 1 : sortedIndex(this.#ids, page.after) - 1;
    for (; i >= 0; i--) {
      if (items.length === page.first) {
        hasNextPage = true;
        break;
      }
      items.push(cloneJson(this.#byId.get(this.#ids[i] as string) as PlanRecord));
    }
    return { items, totalCount: page.count === false ? NOT_COUNTED : this.#ids.length, hasNextPage, endCursor: items.at(-1)?.id ?? null };
  }

  *all(): Generator<PlanRecord, void, undefined> {
    for (const id of this.#ids) yield this.#byId.get(id) as PlanRecord;
  }

  clear(): void {
    this.#byId.clear();
    this.#ids = [];
  }
}

export interface PlannedPlanWrite<T> {
  ops: MemoryOp[];
  result: () => T;
}

export function planCreatePlan(table: MemoryPlanTable, plan: PlanRecord): PlannedPlanWrite<PlanRecord> {
  const parsed = validPlan(plan);
  if (table.get(parsed.id) !== undefined) throw planIdTaken(ADAPTER, parsed.id);
  return put({ ...parsed, status: 'DRAFT', appliedAt: null, appliedById: null, appliedByName: null, version: 1 });
}

export function planUpdatePlan(table: MemoryPlanTable, plan: PlanRecord, options: { expectedVersion: number }): PlannedPlanWrite<PlanRecord> {
  const parsed = validPlan(plan);
  const stored = existing(table, parsed.id);
  assertWritablePlan(stored, options.expectedVersion, ADAPTER, 'updatePlan');
  return put(planAfterUpdate(stored, parsed));
}

export function planDeletePlan(table: MemoryPlanTable, id: string, options: { expectedVersion: number }): PlannedPlanWrite<void> {
  const stored = existing(table, id);
  assertWritablePlan(stored, options.expectedVersion, ADAPTER, 'deletePlan');
  return { ops: [{ o: 'unplan', id }], result: () => undefined };
}

export function existing(table: MemoryPlanTable, id: string): PlanRecord {
  const stored = table.get(id);
  if (stored === undefined) throw planNotFound(id);
  return stored;
}

// Private:

function put(plan: PlanRecord): PlannedPlanWrite<PlanRecord> {
  const stored = cloneJson(plan);
  return { ops: [{ o: 'plan', e: stored }], result: () => cloneJson(stored) };
}

/** Where `id` is or would go in the ascending list. */
function sortedIndex(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as string) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
