import type { EntityKind } from '../../domain/ids';

/**
 * Free text about a family is sensitive (issue 10, item 3): whoever writes a
 * note, a description or a reason writes about a family's circumstances. So
 * every String field of the family's records, and of the value objects
 * nested under them (a referral's transitions, a household's head), must be
 * @sensitive; guardSchema refuses to start otherwise.
 *
 * A String field may be left unmarked only when it is listed here with why it
 * cannot carry free text: identifiers and codes a client chooses from a closed
 * set. Keep this list short; a field that may hold prose belongs under a
 * SensitiveKind (CASE_NOTES for notes and reasons).
 */
export const FAMILY_RECORD_TYPES: readonly EntityKind[] = ['Household', 'Need', 'Referral', 'Assistance', 'Consent'];

export const NOT_FREE_TEXT: Readonly<Record<string, string>> = {
  'Need.category': 'a category code from categories (Category.code), checked on write',
  'Consent.categories': 'category codes from categories (Category.code), checked on write',
  'ReferralTransition.actorId': "the token subject of who made the step, set by the server, never the client's text",
  'Assistance.actorId': 'the token subject of who recorded the help, set by the server',
  'Consent.recordedBy': 'the token subject of who recorded the consent, set by the server',
};
