import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { AlertRecord, type AlertDelivery } from '../../domain/Alert';
import { badInput, notFound } from '../../errors/HuzhuError';
import { MAX_BULK_PAGE, NOT_COUNTED, type AlertListQuery, type Page, type PageRequest } from '../GraphStore';
import { Q } from './cypherRegistry';
import { isConstraintConflict } from './mapDriverError';
import type { Neo4jRunner, QueryTx } from './Neo4jRunner';

/**
 * The pushed-alert methods of the port over Neo4j (issue 15 item 5):
 * `(:Alert)` nodes, one property per AlertRecord field (readBy a list,
 * deliveries as JSON text), no edges (an alert is not part of the network;
 * its ids name the referral and places). recordAlert is one MERGE on the
 * unique key; changes lock the node (lockAlertsByIds) before they read.
 * Alert writes do not bump the store version.
 */
export class Neo4jAlerts {
  readonly #runner: Neo4jRunner;

  constructor(runner: Neo4jRunner) {
    this.#runner = runner;
  }

  async record(alert: AlertRecord): Promise<{ alert: AlertRecord; created: boolean }> {
    const parsed = AlertRecord.parse(alert);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#runner.write(async (tx) => {
          const row = await tx.first(Q.mergeAlertByKey, { key: parsed.key, id: parsed.id, props: toProps(parsed) }, MergedRow);
          if (!row) throw new Error(`${ADAPTER}: recordAlert: MERGE returned no row for key ${parsed.key}`);
          return row;
        });
      } catch (error) {
        // Two MERGEs racing past each other: the constraint rejects one; the next MERGE finds the winner's alert.
        if (attempt >= 3 || !isConstraintConflict(error)) throw error;
      }
    }
  }

  async list(query: AlertListQuery, page: PageRequest): Promise<Page<AlertRecord> & { unreadCount: number }> {
    if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_BULK_PAGE) {
      throw badInput(`${ADAPTER}: listAlerts: first must be a whole number from 0 to ${MAX_BULK_PAGE}, got ${String(page.first)}`, ['first']);
    }
    const scope = {
      all: query.scope.townshipIds === null && query.scope.villageIds === null,
      townshipIds: [...(query.scope.townshipIds ?? [])],
      villageIds: [...(query.scope.villageIds ?? [])],
      reader: query.readerId,
    };
    return this.#runner.read(async (tx) => {
      const counts =
        page.count === false ? { total: NOT_COUNTED, unread: NOT_COUNTED } : ((await tx.first(Q.countAlerts, scope, CountRow)) ?? { total: 0, unread: 0 });
      const items = await tx.rows(
        Q.listAlerts,
        { ...scope, after: page.after ?? '', unreadOnly: query.unreadOnly, limit: neo4j.int(page.first + 1) },
        AlertRow,
      );
      const hasNextPage = items.length > page.first;
      if (hasNextPage) items.length = page.first;
      return {
        items,
        totalCount: query.unreadOnly ? counts.unread : counts.total,
        hasNextPage,
        endCursor: items.at(-1)?.id ?? null,
        unreadCount: counts.unread,
      };
    });
  }

  async getMany(ids: readonly string[]): Promise<Array<AlertRecord | null>> {
    if (ids.length === 0) return [];
    const found = await this.#runner.read((tx) => tx.rows(Q.getAlertsByIds, { ids: [...new Set(ids)] }, AlertRow));
    const byId = new Map(found.map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  markRead(ids: readonly string[], readerId: string): Promise<AlertRecord[]> {
    return this.#change([...new Set(ids)], (stored) => (stored.readBy.includes(readerId) ? stored : { ...stored, readBy: [...stored.readBy, readerId] }));
  }

  async setDelivery(id: string, sink: string, delivery: AlertDelivery): Promise<AlertRecord> {
    const [after] = await this.#change([id], (stored) => AlertRecord.parse({ ...stored, deliveries: { ...stored.deliveries, [sink]: delivery } }));
    if (!after) throw notFound('Alert', id, ['id']);
    return after;
  }

  // Private: lock, compute, write back — one transaction.
  #change(ids: string[], next: (stored: AlertRecord) => AlertRecord): Promise<AlertRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.#runner.write(async (tx: QueryTx) => {
      const stored = await tx.rows(Q.lockAlertsByIds, { ids }, AlertRow);
      const changed = stored.map(next);
      const rows = changed.filter((alert, i) => alert !== stored[i]).map((alert) => ({ id: alert.id, props: toProps(alert) }));
      if (rows.length > 0) await tx.rows(Q.setAlerts, { rows }, AlertRow);
      const byId = new Map(changed.map((a) => [a.id, a]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    });
  }
}

// Private:

const ADAPTER = 'store/neo4j';

function toProps(alert: AlertRecord): Record<string, unknown> {
  return { ...alert, limitHours: neo4j.int(alert.limitHours), deliveries: JSON.stringify(alert.deliveries) };
}

const AlertRow = z
  .object({ props: z.record(z.string(), z.unknown()) })
  .transform(({ props }) => ({
    ...props,
    readBy: props['readBy'] ?? [],
    deliveries: typeof props['deliveries'] === 'string' ? (JSON.parse(props['deliveries']) as unknown) : {},
  }))
  .pipe(AlertRecord);
const MergedRow = z.object({ props: z.record(z.string(), z.unknown()), created: z.boolean() }).transform(({ props, created }) => ({
  alert: AlertRow.parse({ props }),
  created,
}));
const CountRow = z.object({ total: z.number().int().min(0), unread: z.number().int().min(0) });
