import type { EntityKind } from '../../domain/ids';
import { INDIVIDUAL_PURPOSES, type Purpose } from './Purpose';
import type { SensitiveKind } from './SensitiveKind';
import type { Role } from './Viewer';

/**
 * Who may see which kind of personal information, and on whose record: per
 * role and SensitiveKind, the kinds of owning record (the entity the field
 * belongs to, e.g. a HouseholdHead belongs to its Household) for which the
 * field is shown. An empty list hides the field. Anything not listed is
 * hidden: the table is the whole allow-list, exhaustive over Role ×
 * SensitiveKind so a new kind or role does not compile without a decision.
 *
 * A field is shown only when, in addition, the record itself is visible
 * (readRules), the request's purpose is an individual one (Purpose.ts), and
 * for a partner NGO the family's consent still covers the referral
 * (RequestAccess.sharingAllowed).
 */
export type SensitiveRule = readonly EntityKind[];

const NOBODY: SensitiveRule = [];
const CASE_RECORDS: SensitiveRule = ['Household', 'Need', 'Referral', 'Assistance', 'Consent', 'Person'];
const EVERYWHERE: Record<SensitiveKind, SensitiveRule> = {
  IDENTITY: CASE_RECORDS,
  OFFICIAL_ID: CASE_RECORDS,
  CONTACT: CASE_RECORDS,
  HEALTH: CASE_RECORDS,
  DISABILITY: CASE_RECORDS,
  FINANCE: CASE_RECORDS,
  CHILDREN: CASE_RECORDS,
  SOCIAL_ASSISTANCE: CASE_RECORDS,
  CASE_NOTES: CASE_RECORDS,
};
const NOTHING: Record<SensitiveKind, SensitiveRule> = {
  IDENTITY: NOBODY,
  OFFICIAL_ID: NOBODY,
  CONTACT: NOBODY,
  HEALTH: NOBODY,
  DISABILITY: NOBODY,
  FINANCE: NOBODY,
  CHILDREN: NOBODY,
  SOCIAL_ASSISTANCE: NOBODY,
  CASE_NOTES: NOBODY,
};

export const SENSITIVE_RULES: Readonly<Record<Role, Readonly<Record<SensitiveKind, SensitiveRule>>>> = {
  ANONYMOUS: NOTHING,
  ADMIN: EVERYWHERE,
  COORDINATOR: EVERYWHERE,
  // Case work without the credit company's loan details.
  SOCIAL_WORKER: { ...EVERYWHERE, FINANCE: NOBODY },
  // Enough to visit a family, record a need and the help given: who, how to reach them, what they need
  // (not the case notes staff and partners write on referrals).
  VOLUNTEER: { ...NOTHING, IDENTITY: ['Household'], CONTACT: ['Household', 'Person'], HEALTH: ['Need', 'Assistance'] },
  // What a referral needs: the head's name and phone, the need's description, the help it recorded,
  // and the notes written on the referral addressed to it (all only while consent covers that referral).
  PARTNER_NGO: { ...NOTHING, IDENTITY: ['Household'], CONTACT: ['Household'], HEALTH: ['Need', 'Assistance'], CASE_NOTES: ['Referral'] },
  DESIGNER: NOTHING,
  // Their own borrowers: who the family is, how to reach them, and the loan (FINANCE) they manage — not health,
  // disability, children, social assistance (the markers) or case notes.
  CREDIT_OFFICER: { ...NOTHING, IDENTITY: ['Household'], CONTACT: ['Household', 'Person'], FINANCE: ['Household'] },
};

/** The table's decision for one field (record visibility and consent are checked by the caller). */
export function sensitiveAllowed(role: Role, purpose: Purpose, kind: SensitiveKind, ownerKind: EntityKind): boolean {
  if (!INDIVIDUAL_PURPOSES.has(purpose)) return false;
  return SENSITIVE_RULES[role][kind].includes(ownerKind);
}

/**
 * May a request select, order or count records by this field (a filter
 * argument, a ranking)? Only where the field itself may be read for the
 * purpose. A partner NGO never: its sight of a family's fields is decided per
 * referral by the family's consent (RequestAccess.partnerSharing), and a
 * filter picks records before any such per-record decision could be made.
 */
export function selectionAllowed(role: Role, purpose: Purpose, kind: SensitiveKind, ownerKind: EntityKind): boolean {
  return role !== 'PARTNER_NGO' && sensitiveAllowed(role, purpose, kind, ownerKind);
}
