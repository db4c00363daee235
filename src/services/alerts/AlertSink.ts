import type { AlertKind, AlertRecord } from '../../domain/Alert';

/**
 * The outbound port of pushed alerts (issue 15 item 5). The console needs no
 * sink: it reads the alert records from the store (myAlerts). A sink sends
 * each new alert outside — the webhook adapter (webhookAlertSink.ts), or an
 * e-mail adapter written to this interface — and is handed only the
 * AlertEvent: ids, the kind and times, never a name, a need's category,
 * health or notes, so nothing sensitive can leave through it.
 *
 * deliver() is called once per alert, by the one API process whose scan
 * wrote it (GraphStore.recordAlert → created: true); it resolves with the
 * number of attempts it took, and rejects (AlertDeliveryError) when it gave up.
 */
export interface AlertSink {
  /** Names the sink in the alert's delivery record (e.g. 'webhook'). */
  readonly name: string;
  deliver(event: AlertEvent): Promise<{ attempts: number }>;
}

/** What a sink may send: identifiers and times only (the receiver looks the rest up through the API, with its own rights). */
export interface AlertEvent {
  /** The alert's id: the receiver's idempotency key. */
  id: string;
  kind: AlertKind;
  referralId: string;
  serviceId: string;
  organizationId: string;
  villageId: string;
  townshipId: string;
  /** When the referral's next step was due. */
  dueAt: string;
  /** When the alert was raised. */
  occurredAt: string;
}

/** The event of an alert: exactly these fields are copied, so a field added to AlertRecord never leaks by accident. */
export function alertEvent(alert: AlertRecord): AlertEvent {
  return {
    id: alert.id,
    kind: alert.kind,
    referralId: alert.referralId,
    serviceId: alert.serviceId,
    organizationId: alert.organizationId,
    villageId: alert.villageId,
    townshipId: alert.townshipId,
    dueAt: alert.dueAt,
    occurredAt: alert.createdAt,
  };
}

/** A sink gave up on an alert after `attempts` tries. */
export class AlertDeliveryError extends Error {
  override readonly name = 'AlertDeliveryError';
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}
