import { z } from 'zod';
import { idOf } from '../../domain/model';

/**
 * Who is asking, resolved once per request from the bearer token
 * (src/api/auth/resolveViewer.ts). No token: ANONYMOUS, who sees only the
 * public service directory.
 */
export const Role = z.enum(['ANONYMOUS', 'ADMIN', 'COORDINATOR', 'SOCIAL_WORKER', 'VOLUNTEER', 'PARTNER_NGO', 'DESIGNER', 'CREDIT_OFFICER']);
export type Role = z.infer<typeof Role>;

export const Viewer = z.object({
  /** Token subject (a person id or an operator name); recorded in audit events. */
  subject: z.string().min(1).max(200),
  role: Role,
  /** COORDINATOR scope. */
  townshipIds: z.array(idOf('Township')),
  /** SOCIAL_WORKER / VOLUNTEER scope. */
  villageIds: z.array(idOf('Village')),
  /** PARTNER_NGO binding. */
  organizationId: idOf('Organization').nullable(),
  /**
   * CREDIT_OFFICER binding (issue 15 item 3): the officer's Person id; they
   * see only households whose loan.creditOfficerId is this id. null for every
   * other role (absent in older tokens and sessions).
   */
  personId: idOf('Person').nullable().default(null),
});
export type Viewer = z.infer<typeof Viewer>;

export const ANONYMOUS: Viewer = Object.freeze({
  subject: 'anonymous',
  role: 'ANONYMOUS',
  townshipIds: [],
  villageIds: [],
  organizationId: null,
  personId: null,
});
