import { AlertRecord, alertInScope, type AlertDelivery } from '../../domain/Alert';
import { badInput, notFound } from '../../errors/HuzhuError';
import { MAX_BULK_PAGE, NOT_COUNTED, type AlertListQuery, type Page, type PageRequest } from '../GraphStore';
import { cloneJson } from './cloneJson';
import type { MemoryOp } from './MemoryGraph';

/**
 * The memory store's pushed alerts (issue 15 item 5): a table by id and by
 * unique key, journaled like accounts (`{ o: 'alert' }` ops) and written
 * through MemoryStore's write queue, so "write once per key" is atomic. The
 * port's rules are in ../GraphStore.ts (recordAlert …).
 */
export class MemoryAlertTable {
  readonly #byId = new Map<string, AlertRecord>();
  readonly #idByKey = new Map<string, string>();
  /** Ids ascending (ids are time-ordered: newest last). */
  #ids: string[] = [];

  put(alert: AlertRecord): void {
    if (!this.#byId.has(alert.id)) this.#ids.splice(sortedIndex(this.#ids, alert.id), 0, alert.id);
    this.#byId.set(alert.id, alert);
    this.#idByKey.set(alert.key, alert.id);
  }

  get(id: string): AlertRecord | undefined {
    return this.#byId.get(id);
  }

  byKey(key: string): AlertRecord | undefined {
    const id = this.#idByKey.get(key);
    return id === undefined ? undefined : this.#byId.get(id);
  }

  list(query: AlertListQuery, page: PageRequest): Page<AlertRecord> & { unreadCount: number } {
    if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_BULK_PAGE) {
      throw badInput(`store/memory: listAlerts: first must be an integer from 0 to ${MAX_BULK_PAGE}, got ${page.first}`, ['first']);
    }
    const items: AlertRecord[] = [];
    let totalCount = 0;
    let unreadCount = 0;
    let hasNextPage = false;
    for (let i = this.#ids.length - 1; i >= 0; i--) {
      const alert = this.#byId.get(this.#ids[i] as string) as AlertRecord;
      if (!alertInScope(alert, query.scope)) continue;
      const unread = !alert.readBy.includes(query.readerId);
      if (unread) unreadCount += 1;
      if (query.unreadOnly && !unread) continue;
      totalCount += 1;
      if (page.after != null && alert.id >= page.after) continue;
      if (items.length < page.first) items.push(cloneJson(alert));
      else hasNextPage = true;
      if (hasNextPage && page.count === false) break; // the page is known; nothing else is asked
    }
    if (page.count === false) return { items, totalCount: NOT_COUNTED, hasNextPage, endCursor: items.at(-1)?.id ?? null, unreadCount: NOT_COUNTED };
    return { items, totalCount, hasNextPage, endCursor: items.at(-1)?.id ?? null, unreadCount };
  }

  *all(): Generator<AlertRecord, void, undefined> {
    for (const id of this.#ids) yield this.#byId.get(id) as AlertRecord;
  }

  clear(): void {
    this.#byId.clear();
    this.#idByKey.clear();
    this.#ids = [];
  }
}

export interface PlannedAlertWrite<T> {
  ops: MemoryOp[];
  result: () => T;
}

export function planRecordAlert(table: MemoryAlertTable, alert: AlertRecord): PlannedAlertWrite<{ alert: AlertRecord; created: boolean }> {
  const parsed = AlertRecord.parse(alert);
  const existing = table.byKey(parsed.key);
  if (existing !== undefined) {
    const stored = cloneJson(existing);
    return { ops: [], result: () => ({ alert: stored, created: false }) };
  }
  const stored = cloneJson(parsed);
  return { ops: [{ o: 'alert', a: stored }], result: () => ({ alert: cloneJson(stored), created: true }) };
}

export function planMarkAlertsRead(table: MemoryAlertTable, ids: readonly string[], readerId: string): PlannedAlertWrite<AlertRecord[]> {
  const after: AlertRecord[] = [];
  const ops: MemoryOp[] = [];
  for (const id of new Set(ids)) {
    const stored = table.get(id);
    if (stored === undefined) continue;
    if (stored.readBy.includes(readerId)) {
      after.push(cloneJson(stored));
      continue;
    }
    const next = { ...cloneJson(stored), readBy: [...stored.readBy, readerId] };
    ops.push({ o: 'alert', a: next });
    after.push(next);
  }
  return { ops, result: () => cloneJson(after) };
}

export function planAlertDelivery(table: MemoryAlertTable, id: string, sink: string, delivery: AlertDelivery): PlannedAlertWrite<AlertRecord> {
  const stored = table.get(id);
  if (stored === undefined) throw notFound('Alert', id, ['id']);
  const next = AlertRecord.parse({ ...cloneJson(stored), deliveries: { ...stored.deliveries, [sink]: delivery } });
  return { ops: [{ o: 'alert', a: next }], result: () => cloneJson(next) };
}

// Private:

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
