import { z } from 'zod';
import { HuzhuError } from '../../errors/HuzhuError';
import type { Role, Viewer } from './Viewer';

/**
 * Why a request reads data (PIPL: purpose limitation). Sent as the
 * `x-huzhu-purpose` header; each role has a default and a set it may claim.
 * The purpose is recorded on every audit event; only the individual-work
 * purposes (CASE_MANAGEMENT, REFERRAL) ever see a sensitive field.
 */
export const Purpose = z.enum(['CASE_MANAGEMENT', 'REFERRAL', 'REPORTING', 'SERVICE_DESIGN']);
export type Purpose = z.infer<typeof Purpose>;

export const PURPOSE_HEADER = 'x-huzhu-purpose';

/** Purposes under which an individual's sensitive fields may be shown at all. */
export const INDIVIDUAL_PURPOSES: ReadonlySet<Purpose> = new Set(['CASE_MANAGEMENT', 'REFERRAL']);

/** Per role: the purposes it may claim, the first being its default. */
export const PURPOSES_BY_ROLE: Readonly<Record<Role, readonly [Purpose, ...Purpose[]]>> = {
  ANONYMOUS: ['REPORTING', 'SERVICE_DESIGN'],
  ADMIN: ['CASE_MANAGEMENT', 'REFERRAL', 'REPORTING', 'SERVICE_DESIGN'],
  COORDINATOR: ['CASE_MANAGEMENT', 'REFERRAL', 'REPORTING', 'SERVICE_DESIGN'],
  SOCIAL_WORKER: ['CASE_MANAGEMENT', 'REFERRAL', 'REPORTING'],
  VOLUNTEER: ['CASE_MANAGEMENT', 'REPORTING'],
  PARTNER_NGO: ['REFERRAL', 'REPORTING'],
  DESIGNER: ['SERVICE_DESIGN', 'REPORTING'],
  CREDIT_OFFICER: ['CASE_MANAGEMENT', 'REPORTING'],
};

/**
 * The purpose of a request: the header's value when the role may claim it,
 * the role's default when the header is absent. BAD_USER_INPUT for an unknown
 * purpose, FORBIDDEN for one the role may not claim (answered before any
 * GraphQL work by the HTTP layer).
 */
export function resolvePurpose(viewer: Pick<Viewer, 'role'>, header: string | string[] | undefined): Purpose {
  const allowed = PURPOSES_BY_ROLE[viewer.role];
  if (header === undefined || header === '') return allowed[0];
  const raw = Array.isArray(header) ? header.join(',') : header;
  const parsed = Purpose.safeParse(raw.trim().toUpperCase());
  if (!parsed.success) {
    throw new HuzhuError('BAD_USER_INPUT', `${PURPOSE_HEADER}: must be one of ${Purpose.options.join(', ')} (got ${JSON.stringify(raw.slice(0, 40))})`);
  }
  if (!allowed.includes(parsed.data)) {
    throw new HuzhuError('FORBIDDEN', `${PURPOSE_HEADER}: a ${viewer.role} may claim ${allowed.join(' or ')}, not ${parsed.data}`);
  }
  return parsed.data;
}
