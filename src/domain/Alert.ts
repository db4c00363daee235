import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { IsoDateTime, Urgency, idOf } from './model';

/**
 * A pushed alert (issue 15 item 5): something a coordinator is told of without
 * asking — today a referral going overdue. Alerts are not entities of the
 * network (never reachable through node(id), getMany or list): the store keeps
 * them through its alert methods, one per `key`, written once whichever API
 * process's scan finds the event first, so no sink ever sends one twice.
 *
 * An alert holds ids, the kind and times only — never a name, a need's
 * category, health or notes — so whatever a sink sends outside (a webhook,
 * e-mail) carries nothing sensitive; the console resolves the referral through
 * the API's access rules like any other read.
 */
export const AlertKind = z.enum(['REFERRAL_OVERDUE']);
export type AlertKind = z.infer<typeof AlertKind>;

export const AlertId = z.string().regex(/^alt_[0-9]{17}_[a-f0-9]{8}$/, { message: 'must be an alert id like "alt_20261201121500000_0f3a9c1e"' });

export const AlertDelivery = z.object({
  status: z.enum(['DELIVERED', 'FAILED']),
  attempts: z.number().int().min(1),
  at: IsoDateTime,
});
export type AlertDelivery = z.infer<typeof AlertDelivery>;

export const AlertRecord = z.object({
  id: AlertId,
  /** One alert per key: `<referralId>:<kind>:<step>` (alertKey). */
  key: z.string().min(1).max(300),
  kind: AlertKind,
  referralId: idOf('Referral'),
  needId: idOf('Need'),
  serviceId: idOf('Service'),
  organizationId: idOf('Organization'),
  villageId: idOf('Village'),
  townshipId: idOf('Township'),
  urgency: Urgency,
  /** When the referral's next step was due (it became overdue then). */
  dueAt: IsoDateTime,
  limitHours: z.number().int().min(1),
  createdAt: IsoDateTime,
  /** Accounts (token subjects) that have marked it read. */
  readBy: z.array(z.string().min(1).max(200)),
  /** Outcome per outbound sink (e.g. webhook): set by the process that wrote the alert. */
  deliveries: z.record(z.string(), AlertDelivery),
});
export type AlertRecord = z.infer<typeof AlertRecord>;

/** The unique key of an alert: a referral goes overdue at most once per step it waits on. */
export function alertKey(kind: AlertKind, referralId: string, step: number): string {
  return `${referralId}:${kind}:${step}`;
}

/** A new alert id: time-ordered (newest sorts last), so pages newest-first are keyset pages by id. */
export function newAlertId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:TZ.]/g, '');
  return `alt_${stamp}_${randomBytes(4).toString('hex')}`;
}

/** Which alerts a reader sees: null = everywhere (ADMIN); else alerts in these townships or villages. */
export interface AlertScope {
  townshipIds: readonly string[] | null;
  villageIds: readonly string[] | null;
}

export function alertInScope(alert: Pick<AlertRecord, 'townshipId' | 'villageId'>, scope: AlertScope): boolean {
  if (scope.townshipIds === null && scope.villageIds === null) return true;
  return (scope.townshipIds ?? []).includes(alert.townshipId) || (scope.villageIds ?? []).includes(alert.villageId);
}
