import { z } from 'zod';

export const ROLES = ['ADMIN', 'COORDINATOR', 'SOCIAL_WORKER', 'VOLUNTEER', 'PARTNER_NGO', 'DESIGNER', 'CREDIT_OFFICER'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The Account JSON of /auth/login and /auth/session (team contract), checked at the edge. */
export const Account = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: Role,
  townshipIds: z.array(z.string()).default([]),
  villageIds: z.array(z.string()).default([]),
  organizationId: z.string().nullable().default(null),
  demo: z.boolean().default(false),
});
export type Account = z.infer<typeof Account>;
