import { z } from 'zod';
import { ActorId, IsoDateTime, Urgency, idOf } from './model';

/**
 * One need on one service's waiting list (issue 14 item 3). Not an entity of
 * the network (like accounts): never reachable through node(id), getMany or
 * list, only through the store's waitlist methods. Unique per (serviceId,
 * needId): joining twice finds the first entry.
 *
 * - WAITING: in the queue; its place follows compareWaitlistEntries
 *   (urgency, then vulnerability, then time).
 * - OFFERED: a unit was released and reserved for this need until
 *   offerExpiresAt; the coordinator confirms by sending the referral
 *   (createReferral consumes the reservation and removes the entry), or lets it
 *   go (leaveWaitlist), or it lapses and passes to the next need.
 *
 * `urgency` and `vulnerabilityScore` are copied from the need and its household
 * when the need joins, so the order is decided by what the store holds on the
 * entry itself and cannot shift under a concurrent household edit.
 */
export const WaitlistStatus = z.enum(['WAITING', 'OFFERED']);
export type WaitlistStatus = z.infer<typeof WaitlistStatus>;

export const WaitlistEntry = z
  .object({
    serviceId: idOf('Service'),
    needId: idOf('Need'),
    householdId: idOf('Household'),
    urgency: Urgency,
    vulnerabilityScore: z.number().min(0),
    status: WaitlistStatus,
    joinedAt: IsoDateTime,
    /** Who put the need on the list (a person id or the token subject). */
    joinedBy: ActorId,
    offeredAt: IsoDateTime.nullable(),
    offerExpiresAt: IsoDateTime.nullable(),
  })
  .strict()
  .refine((e) => (e.status === 'OFFERED') === (e.offeredAt !== null && e.offerExpiresAt !== null), {
    path: ['status'],
    message: 'an OFFERED entry carries offeredAt and offerExpiresAt, a WAITING one neither',
  });
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;

/** The unique key of an entry: one per (service, need). */
export function waitlistKey(entry: Pick<WaitlistEntry, 'serviceId' | 'needId'>): string {
  return `${entry.serviceId}|${entry.needId}`;
}
