/**
 * Builders for pushed alerts (src/domain/Alert.ts): valid defaults (AlertRecord
 * parses them), overridable field by field, fresh ids per call. An alert
 * holds ids only, never household data.
 */
import { alertKey, newAlertId, type AlertRecord } from '../../../src/domain/Alert';
import { newId } from '../../../src/domain/ids';
import { BUILT_AT, nextSequence } from './defaults';

/** A REFERRAL_OVERDUE alert created at BUILT_AT for a step due 72 hours before (synthetic ids). */
export function anAlert(overrides: Partial<AlertRecord> = {}): AlertRecord {
  const n = nextSequence();
  const referralId = overrides.referralId ?? newId('Referral');
  return {
    // Time-ordered like real ids, spread over the second after BUILT_AT (n % 1000 ms).
    id: newAlertId(new Date(Date.parse(BUILT_AT) + (n % 1000))),
    key: alertKey('REFERRAL_OVERDUE', referralId, 1),
    kind: 'REFERRAL_OVERDUE',
    referralId,
    needId: newId('Need'),
    serviceId: newId('Service'),
    organizationId: newId('Organization'),
    villageId: newId('Village'),
    townshipId: newId('Township'),
    urgency: 'HIGH',
    dueAt: new Date(Date.parse(BUILT_AT) - 72 * 3_600_000).toISOString(),
    limitHours: 72,
    createdAt: BUILT_AT,
    readBy: [],
    deliveries: {},
    ...overrides,
  };
}
