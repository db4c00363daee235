/** What the match card shows for one service's waiting list (WaitlistPlace renders it). */
export type WaitlistSlot =
  | { kind: 'NOTHING' }
  | { kind: 'JOIN' }
  | { kind: 'POSITION'; position: number | null }
  | { kind: 'OFFERED'; offerExpiresAt: string | null };

interface EntryView {
  status: 'WAITING' | 'OFFERED';
  position: number | null;
  offerExpiresAt: string | null;
  service: { id: string };
}

/**
 * The need's entry on this service wins (a held offer, or its position);
 * without one, the join button only where the service is full and the viewer
 * may refer (`canJoin`); nothing for a viewer who may not see waiting lists
 * (`entries` null: the API withholds them).
 */
export function waitlistSlot(entries: readonly EntryView[] | null, serviceId: string, canJoin: boolean): WaitlistSlot {
  if (entries === null) return { kind: 'NOTHING' };
  const entry = entries.find((e) => e.service.id === serviceId);
  if (entry?.status === 'OFFERED') return { kind: 'OFFERED', offerExpiresAt: entry.offerExpiresAt };
  if (entry) return { kind: 'POSITION', position: entry.position };
  return canJoin ? { kind: 'JOIN' } : { kind: 'NOTHING' };
}
