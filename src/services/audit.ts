import { randomBytes } from 'node:crypto';
import DataLoader from 'dataloader';
import { AuditEvent } from '../domain/model';
import { HuzhuError } from '../errors/HuzhuError';
import type { GraphStore } from '../store/GraphStore';

/**
 * The audit trail (issue 6): who read which sensitive fields of which record,
 * and who wrote what, when, for what purpose. Events go to the store through
 * GraphStore.appendAudit, which only appends; nothing in the API changes or
 * removes one. An event is written before the data it records is released
 * (reads) or changed (writes): if the write fails, so does the operation.
 */

/** Who is acting, as recorded on every event. */
export interface AuditActor {
  actorId: string;
  role: string;
  purpose: string;
  correlationId: string;
}

export interface AuditTarget {
  /** The kind of record the write concerns (for a create: the record it attaches to, or the kind created). */
  entityKind: string;
  /** Its id, or "new" when the write creates a record that attaches to nothing. */
  entityId: string;
}

let counter = 0;

/**
 * A time-ordered id (`aud_<ms base36><counter><random>`): the store pages by
 * id, so listing the trail in id order lists it in time order.
 */
export function auditEventId(at: Date): string {
  counter = (counter + 1) % 36 ** 4;
  return `aud_${at.getTime().toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${randomBytes(5).toString('hex')}`;
}

export function readSensitiveEvent(actor: AuditActor, at: Date, entityKind: string, entityId: string, fields: readonly string[]): AuditEvent {
  return AuditEvent.parse({
    id: auditEventId(at),
    at: at.toISOString(),
    ...actor,
    action: 'READ_SENSITIVE',
    entityKind,
    entityId,
    fields: [...fields].sort(),
  });
}

/**
 * A WRITE event: the operation's name first (`mutation:<name>`), then the
 * paths of the arguments given — never their values, which may be personal.
 */
export function writeEvent(actor: AuditActor, at: Date, operation: string, target: AuditTarget, args: unknown): AuditEvent {
  return AuditEvent.parse({
    id: auditEventId(at),
    at: at.toISOString(),
    ...actor,
    action: 'WRITE',
    entityKind: target.entityKind,
    entityId: target.entityId,
    fields: [`mutation:${operation}`, ...argumentPaths(args)],
  });
}

/** The leaf paths of an argument object (`input.head.name`), without values; list items are not expanded. */
export function argumentPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([key, v]) => argumentPaths(v, prefix ? `${prefix}.${key}` : key)).sort();
}

/** Records a WRITE event; the caller runs the write only after this resolves. */
export async function auditWrite(store: GraphStore, event: AuditEvent): Promise<void> {
  try {
    await store.appendAudit(event);
  } catch (error) {
    throw auditFailed(`the ${event.fields[0] ?? 'write'} was not run`, error);
  }
}

export type SensitiveReadRecorder = (entityKind: string, entityId: string, field: string) => Promise<void>;

/**
 * Per request: records sensitive reads, one event per record with every field
 * read from it in the same tick (DataLoader batching), once per (record,
 * field) per request. The returned promise settles after the event is stored;
 * the field's value must be released only then.
 */
export function createSensitiveReadRecorder(store: GraphStore, actor: AuditActor, now: () => Date): SensitiveReadRecorder {
  const loader = new DataLoader<string, true>(async (keys) => {
    const byRecord = new Map<string, { kind: string; id: string; fields: string[] }>();
    for (const key of keys) {
      const [kind, id, field] = key.split('\u0000') as [string, string, string];
      const recordKey = `${kind}\u0000${id}`;
      const entry = byRecord.get(recordKey) ?? { kind, id, fields: [] };
      entry.fields.push(field);
      byRecord.set(recordKey, entry);
    }
    const at = now();
    const outcomes = new Map<string, true | Error>();
    await Promise.all(
      [...byRecord].map(async ([recordKey, { kind, id, fields }]) => {
        try {
          await store.appendAudit(readSensitiveEvent(actor, at, kind, id, fields));
          outcomes.set(recordKey, true);
        } catch (error) {
          outcomes.set(recordKey, auditFailed(`${kind} ${id} was withheld`, error));
        }
      }),
    );
    return keys.map((key) => outcomes.get(key.split('\u0000').slice(0, 2).join('\u0000')) ?? new Error('audit: batch lost a key'));
  });
  return async (entityKind, entityId, field) => {
    await loader.load(`${entityKind}\u0000${entityId}\u0000${field}`);
  };
}

// Private: the error a failed audit write becomes (the cause is kept for the log, never shown).
function auditFailed(consequence: string, cause: unknown): HuzhuError {
  return new HuzhuError('UNAVAILABLE', `audit: the audit trail could not record this access, so ${consequence}; retry later`, { cause });
}
