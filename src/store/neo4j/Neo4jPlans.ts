import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { PlanRecord } from '../../domain/Plan';
import { badInput } from '../../errors/HuzhuError';
import { MAX_BULK_PAGE, NOT_COUNTED, type Page, type PageRequest, type PlanApplication } from '../GraphStore';
import { assertWritablePlan, planAfterApply, planAfterUpdate, planIdTaken, planNotFound, validPlan } from '../planStoreRules';
import { Q } from './cypherRegistry';
import { isConstraintConflict } from './mapDriverError';
import type { Neo4jRunner, QueryTx } from './Neo4jRunner';

/**
 * The saved-plan methods of the port over Neo4j (issue 12 item 3):
 * `(:Plan)` nodes with one property per PlanRecord field, the changes as a
 * JSON string (`changesJson`: Neo4j properties hold no nested maps), and no
 * edges (a plan is not part of the network). Every change is lockPlan → the
 * rule in ../planStoreRules.ts → setPlan in one write transaction; applyPlan's
 * network writes run in Neo4jStore (they share create's and update's checks)
 * inside the transaction `lockForApply` and `markApplied` take part in.
 */
export class Neo4jPlans {
  readonly #runner: Neo4jRunner;

  constructor(runner: Neo4jRunner) {
    this.#runner = runner;
  }

  async create(plan: PlanRecord): Promise<PlanRecord> {
    const parsed = validPlan({ ...plan, status: 'DRAFT', appliedAt: null, appliedById: null, appliedByName: null, version: 1 });
    try {
      return await this.#runner.write(async (tx) => {
        if (await tx.first(Q.getPlan, { id: parsed.id }, PlanRow)) throw planIdTaken(ADAPTER, parsed.id);
        await tx.rows(Q.createPlan, { props: toProps(parsed) }, IdRow);
        return parsed;
      });
    } catch (error) {
      // Two creates of one id racing past the lookup: the constraint decided.
      if (isConstraintConflict(error)) throw planIdTaken(ADAPTER, parsed.id);
      throw error;
    }
  }

  get(id: string): Promise<PlanRecord | null> {
    return this.#runner.read((tx) => tx.first(Q.getPlan, { id }, PlanRow));
  }

  async list(page: PageRequest): Promise<Page<PlanRecord>> {
    const first = page.first;
    if (!Number.isInteger(first) || first < 0 || first > MAX_BULK_PAGE) {
      throw badInput(`${ADAPTER}: listPlans: first must be a whole number from 0 to ${MAX_BULK_PAGE}, got ${String(first)}`, ['first']);
    }
    return this.#runner.read(async (tx) => {
      const total = page.count === false ? { total: NOT_COUNTED } : await tx.first(Q.countPlans, {}, TotalRow);
      const items = await tx.rows(Q.listPlans, { after: page.after ?? '', limit: neo4j.int(first + 1) }, PlanRow);
      const hasNextPage = items.length > first;
      if (hasNextPage) items.length = first;
      return { items, totalCount: total?.total ?? 0, hasNextPage, endCursor: items.at(-1)?.id ?? null };
    });
  }

  update(plan: PlanRecord, options: { expectedVersion: number }): Promise<PlanRecord> {
    const parsed = validPlan(plan);
    return this.#runner.write(async (tx) => {
      const stored = await lockWritable(tx, parsed.id, options.expectedVersion, 'updatePlan');
      return setPlan(tx, planAfterUpdate(stored, parsed));
    });
  }

  delete(id: string, options: { expectedVersion: number }): Promise<void> {
    return this.#runner.write(async (tx) => {
      await lockWritable(tx, id, options.expectedVersion, 'deletePlan');
      await tx.rows(Q.deletePlan, { id }, IdRow);
    });
  }

  /** Inside applyPlan's transaction, first: the plan locked and checked writable. */
  lockForApply(tx: QueryTx, application: PlanApplication): Promise<PlanRecord> {
    return lockWritable(tx, application.planId, application.expectedVersion, 'applyPlan');
  }

  /** Inside applyPlan's transaction, last: the plan stored APPLIED. */
  markApplied(tx: QueryTx, stored: PlanRecord, application: PlanApplication): Promise<PlanRecord> {
    return setPlan(tx, planAfterApply(stored, application));
  }
}

// Private:

const ADAPTER = 'store/neo4j';
const NULLABLE = ['note', 'authorName', 'appliedAt', 'appliedById', 'appliedByName'] as const;

/** A row `{ props }` as a PlanRecord: changesJson parsed, absent nullable properties read back as null, then the schema checks it all. */
const PlanRow = z
  .object({ props: z.record(z.string(), z.unknown()) })
  .transform(({ props }) => {
    const { changesJson, ...rest } = props;
    const record: Record<string, unknown> = { ...rest, changes: typeof changesJson === 'string' ? (JSON.parse(changesJson) as unknown) : null };
    for (const field of NULLABLE) record[field] = props[field] ?? null;
    return record;
  })
  .pipe(PlanRecord);
const IdRow = z.object({ id: z.string() });
const TotalRow = z.object({ total: z.number().int().min(0) });

function toProps(plan: PlanRecord): Record<string, unknown> {
  const { changes, ...rest } = plan;
  const props: Record<string, unknown> = { ...rest, changesJson: JSON.stringify(changes), version: neo4j.int(plan.version) };
  for (const [key, value] of Object.entries(props)) if (value === null) delete props[key];
  return props;
}

async function lockWritable(tx: QueryTx, id: string, expectedVersion: number, operation: string): Promise<PlanRecord> {
  const stored = await tx.first(Q.lockPlan, { id }, PlanRow);
  if (!stored) throw planNotFound(id);
  assertWritablePlan(stored, expectedVersion, ADAPTER, operation);
  return stored;
}

async function setPlan(tx: QueryTx, plan: PlanRecord): Promise<PlanRecord> {
  const written = await tx.first(Q.setPlan, { id: plan.id, props: toProps(plan) }, PlanRow);
  if (!written) throw planNotFound(plan.id);
  return written;
}
