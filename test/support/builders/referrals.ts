/** Builders for referrals, help given, consents and audit events: fresh ids per call, stamped BUILT_AT. */
import { newId } from '../../../src/domain/ids';
import type { Assistance, AuditEvent, Consent, Need, Referral, Service } from '../../../src/domain/model';
import { BUILT_AT, nextSequence } from './defaults';

/** A SENT referral with its first transition; see aReferralFor for one that fits a need and a service. */
export function aReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: newId('Referral'),
    needId: newId('Need'),
    serviceId: newId('Service'),
    householdId: newId('Household'),
    organizationId: newId('Organization'),
    status: 'SENT',
    reason: null,
    idempotencyKey: `key-${newId('Referral')}`,
    consentOverrideReason: null,
    transitions: [{ status: 'SENT', at: BUILT_AT, actorId: 'per_builder', reason: null, note: null }],
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    ...overrides,
  };
}

/** A SENT referral of `need` to `service`, with the household and organisation they imply. */
export function aReferralFor(need: Need, service: Service, overrides: Partial<Referral> = {}): Referral {
  return aReferral({
    needId: need.id,
    serviceId: service.id,
    householdId: need.householdId,
    organizationId: service.organizationId,
    ...overrides,
  });
}

export function anAssistance(overrides: Partial<Assistance> = {}): Assistance {
  return {
    id: newId('Assistance'),
    needId: newId('Need'),
    referralId: null,
    actorId: newId('Person'),
    at: BUILT_AT,
    action: 'synthetic home visit',
    outcome: 'HELPED',
    note: null,
    ...overrides,
  };
}

export function aConsent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: newId('Consent'),
    householdId: newId('Household'),
    organizationIds: [],
    categories: ['MEDICAL'],
    guardianConsent: false,
    recordedBy: 'per_builder',
    recordedAt: BUILT_AT,
    validUntil: null,
    withdrawnAt: null,
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: newId('AuditEvent'),
    at: BUILT_AT,
    actorId: 'per_builder',
    role: 'COORDINATOR',
    action: 'READ_SENSITIVE',
    entityKind: 'Household',
    entityId: newId('Household'),
    fields: ['head'],
    purpose: 'synthetic test read',
    correlationId: `corr-${nextSequence()}`,
    ...overrides,
  };
}
