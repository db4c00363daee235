import { alertKey, newAlertId, type AlertRecord } from '../../src/domain/Alert';
import { nextSequence } from './builders';

/** A synthetic REFERRAL_OVERDUE alert (ids only; no household data exists in an alert). */
export function anAlert(overrides: Partial<AlertRecord> = {}): AlertRecord {
  const n = nextSequence();
  const referralId = overrides.referralId ?? `ref_alert-${n}`;
  return {
    id: newAlertId(new Date(Date.UTC(2026, 11, 1, 12, 0, 0, n % 1000))),
    key: alertKey('REFERRAL_OVERDUE', referralId, 1),
    kind: 'REFERRAL_OVERDUE',
    referralId,
    needId: `need_alert-${n}`,
    serviceId: `svc_alert-${n}`,
    organizationId: `org_alert-${n}`,
    villageId: 'vil_alert-a',
    townshipId: 'twp_alert-a',
    urgency: 'HIGH',
    dueAt: '2026-12-01T00:00:00.000Z',
    limitHours: 72,
    createdAt: '2026-12-01T12:00:00.000Z',
    readBy: [],
    deliveries: {},
    ...overrides,
  };
}
