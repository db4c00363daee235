import { waitlistSlot } from './waitlistSlot';

/** Synthetic entries of one need on two services. */
const entries = [
  { status: 'WAITING' as const, position: 3, offerExpiresAt: null, service: { id: 'svc_a' } },
  { status: 'OFFERED' as const, position: null, offerExpiresAt: '2026-12-02T08:00:00.000Z', service: { id: 'svc_b' } },
];

describe('waitlistSlot: what a match card shows for a waiting list', () => {
  it('shows the need’s position, or the offer held for it, wherever it is on the list', () => {
    expect(waitlistSlot(entries, 'svc_a', false)).toEqual({ kind: 'POSITION', position: 3 });
    expect(waitlistSlot(entries, 'svc_b', true)).toEqual({ kind: 'OFFERED', offerExpiresAt: '2026-12-02T08:00:00.000Z' });
  });
  it('offers the join button only for a full service the viewer may refer to, and nothing when lists are withheld', () => {
    expect(waitlistSlot(entries, 'svc_c', true)).toEqual({ kind: 'JOIN' });
    expect(waitlistSlot(entries, 'svc_c', false)).toEqual({ kind: 'NOTHING' });
    expect(waitlistSlot(null, 'svc_a', true)).toEqual({ kind: 'NOTHING' });
  });
});
