import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { IsoDateTime } from './model';

/**
 * A saved plan (issue 12 item 3): a named, stored set of what-if changes with
 * an author and a note, that designers and network editors reopen, evaluate
 * and compare, and that an ADMIN applies (its records become real ones). Not
 * an entity of the network: never reachable through node(id), getMany or
 * list, only through the store's plan methods, and its writes never bump the
 * network version.
 *
 * The changes are kept as the JSON of WhatIfChange inputs
 * (src/services/coverage/WhatIfChange.ts is their one schema; the services
 * parse them on the way in and again on every read, so a plan saved before a
 * rule changed is checked by today's rules).
 */

export const PLAN_ID_PREFIX = 'plan';
export const PLAN_ID_PATTERN = /^plan_[a-z0-9-]{1,64}$/;
export const PlanId = z.string().regex(PLAN_ID_PATTERN, { message: 'must be a plan id like "plan_0mj3x…" (规划编号格式不对)' });

export const PlanStatus = z.enum(['DRAFT', 'APPLIED']);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** At most this many characters in a plan's name and note. */
export const MAX_PLAN_NAME = 200;
export const MAX_PLAN_NOTE = 2000;

/** The stored record (store port only). */
export const PlanRecord = z
  .object({
    id: PlanId,
    name: z.string().min(1).max(MAX_PLAN_NAME),
    note: z.string().max(MAX_PLAN_NOTE).nullable(),
    /** WhatIfChange inputs, in order (JSON objects with a kind). */
    changes: z.array(z.looseObject({ kind: z.string().min(1) })).min(1).max(50),
    /** The caller's actor id (token subject or account id) and, for an account, its display name then. */
    authorId: z.string().min(1).max(200),
    authorName: z.string().max(100).nullable(),
    status: PlanStatus,
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    appliedAt: IsoDateTime.nullable(),
    appliedById: z.string().min(1).max(200).nullable(),
    appliedByName: z.string().max(100).nullable(),
    /** Optimistic concurrency: 1 when created, + 1 on every write. */
    version: z.number().int().min(1),
  })
  .strict();
export type PlanRecord = z.infer<typeof PlanRecord>;

/**
 * A fresh plan id that sorts after every id made before it: the creation time
 * (ms, base 36, fixed width; never repeated within a process) then randomness. Plans list newest first by id
 * descending, so keyset pages stay stable while plans are added.
 */
export function newPlanId(at: Date): string {
  // Strictly increasing within a process, so two plans saved in one millisecond still list in order.
  lastMs = Math.max(at.getTime(), lastMs + 1);
  return `${PLAN_ID_PREFIX}_${lastMs.toString(36).padStart(9, '0')}-${randomBytes(6).toString('hex')}`;
}

let lastMs = 0;
