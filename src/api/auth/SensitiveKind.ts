import { z } from 'zod';

/**
 * The kinds of personal information the SDL marks with `@sensitive(kind:)`
 * (schema/base.graphql). The SDL enum and this list must match: guardSchema
 * checks it at start-up, and SENSITIVE_RULES is a Record over it, so a new
 * kind does not compile until every role has a rule for it.
 */
export const SensitiveKind = z.enum([
  'IDENTITY',
  'OFFICIAL_ID',
  'CONTACT',
  'HEALTH',
  'DISABILITY',
  'FINANCE',
  'CHILDREN',
  'SOCIAL_ASSISTANCE',
  'CASE_NOTES',
]);
export type SensitiveKind = z.infer<typeof SensitiveKind>;
export const SENSITIVE_KINDS: readonly SensitiveKind[] = SensitiveKind.options;
