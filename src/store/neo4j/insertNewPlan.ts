import type { EntityKind } from '../../domain/ids';
import { Q, type QueryName } from './cypherRegistry';

/**
 * How Neo4jStore.insertNew (first loads of known-new rows, issue 13 item 5) writes each kind.
 *
 * - `create`: one CREATE statement that makes the nodes and their reference edges together (the edges
 *   the kind's link statement draws, with nothing old to delete). Kinds without one (the few hundred real
 *   places and stakeholders of a seed) are checked to be new by id in the transaction and then written by
 *   the kind's upsert and link statements, which on new ids do the same work.
 * - `batch`: rows per transaction. Households and needs are the bulk of a seed; bigger transactions mean
 *   fewer commits (and fewer counter updates per village) for the same rows, bounded by the server's
 *   transaction memory. Measured at 100,000 households (README "Neo4j", first loads): 20,000 and 5,000
 *   household rows per transaction load at the same rate on the development machine (1,611 vs 1,606/s).
 */
export const INSERT_NEW_PLAN: { readonly [K in EntityKind]?: { create: QueryName; batch: number } } = {
  Household: { create: Q.createHouseholdsBulk, batch: 20_000 },
  Need: { create: Q.createNeedsBulk, batch: 25_000 },
  Person: { create: Q.createPersonsBulk, batch: 10_000 },
};

/** Rows per insertNew transaction of kinds without a plan (few rows each in a seed). */
export const INSERT_NEW_DEFAULT_BATCH = 5_000;
