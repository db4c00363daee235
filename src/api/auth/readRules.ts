import type { EntityKind } from '../../domain/ids';
import type { Role } from './Viewer';

/**
 * Which records a role may see at all:
 * - ALL: every record of the kind;
 * - SCOPED: only records inside the viewer's scope (townships, villages, or
 *   for a partner NGO the referrals addressed to its organisation), decided
 *   per record by RequestAccess.canRead;
 * - NONE: no record of the kind, ever.
 * A record the viewer may not see behaves as not found. Exhaustive over
 * Role × EntityKind, so a new kind does not compile without a rule.
 */
export type Visibility = 'ALL' | 'SCOPED' | 'NONE';

const DIRECTORY = { Township: 'ALL', Village: 'ALL', Organization: 'ALL', Service: 'ALL' } as const;
const NETWORK = { ...DIRECTORY, Person: 'ALL', Relationship: 'ALL' } as const;

export const READ_RULES: Readonly<Record<Role, Readonly<Record<EntityKind, Visibility>>>> = {
  // The public service directory only: no people, no relationships, no households.
  ANONYMOUS: { ...DIRECTORY, Person: 'NONE', Relationship: 'NONE', Household: 'NONE', Need: 'NONE', Referral: 'NONE', Assistance: 'NONE', Consent: 'NONE', AuditEvent: 'NONE' },
  ADMIN: { ...NETWORK, Household: 'ALL', Need: 'ALL', Referral: 'ALL', Assistance: 'ALL', Consent: 'ALL', AuditEvent: 'ALL' },
  COORDINATOR: { ...NETWORK, Household: 'SCOPED', Need: 'SCOPED', Referral: 'SCOPED', Assistance: 'SCOPED', Consent: 'SCOPED', AuditEvent: 'NONE' },
  SOCIAL_WORKER: { ...NETWORK, Household: 'SCOPED', Need: 'SCOPED', Referral: 'SCOPED', Assistance: 'SCOPED', Consent: 'SCOPED', AuditEvent: 'NONE' },
  // Volunteers record needs and help in their villages; consent is handled by staff.
  VOLUNTEER: { ...NETWORK, Household: 'SCOPED', Need: 'SCOPED', Referral: 'SCOPED', Assistance: 'SCOPED', Consent: 'NONE', AuditEvent: 'NONE' },
  // Only what the referrals addressed to its organisation need.
  PARTNER_NGO: { ...NETWORK, Household: 'SCOPED', Need: 'SCOPED', Referral: 'SCOPED', Assistance: 'SCOPED', Consent: 'NONE', AuditEvent: 'NONE' },
  // Stakeholders, relationships, aggregates and what-if; nothing at household level.
  DESIGNER: { ...NETWORK, Household: 'NONE', Need: 'NONE', Referral: 'NONE', Assistance: 'NONE', Consent: 'NONE', AuditEvent: 'NONE' },
  // The credit company's officer (issue 15 item 3): their own borrowers (loan.creditOfficerId = the viewer's
  // personId) and those borrowers' needs; no referrals, help records, consents or audit trail.
  CREDIT_OFFICER: { ...NETWORK, Household: 'SCOPED', Need: 'SCOPED', Referral: 'NONE', Assistance: 'NONE', Consent: 'NONE', AuditEvent: 'NONE' },
};
