/**
 * The actor recorded on a write is the token's subject (issue 10 item 7): any
 * subject a valid token may carry must be a valid ActorId, so the actor can
 * never fail the caller's input validation. Ties the auth boundary's rule
 * (TokenClaims.sub) to the model's, so changing one alone fails here.
 */
import fc from 'fast-check';
import { TokenClaims } from '../../../src/api/auth/tokens';
import { Viewer } from '../../../src/api/auth/Viewer';
import { ActorId, Assistance, ReferralTransition } from '../../../src/domain/model';

const subjects = fc.string({ minLength: 0, maxLength: 260, unit: 'binary' });

describe('ActorId accepts every token subject', () => {
  it('accepts every string TokenClaims.sub and Viewer.subject accept', () => {
    fc.assert(
      fc.property(subjects, (sub) => {
        const token = TokenClaims.shape.sub.safeParse(sub).success && Viewer.shape.subject.safeParse(sub).success;
        if (token) expect(ActorId.safeParse(sub).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['local-coordinator', 'local-admin', 'operator 王 (synthetic)', 'someone@example.org', 'per_123'])(
    'stores %s as the actor of a help record and a referral step',
    (subject) => {
      const at = '2025-01-01T00:00:00.000Z';
      expect(Assistance.shape.actorId.safeParse(subject).success).toBe(true);
      expect(ReferralTransition.safeParse({ status: 'ACCEPTED', at, actorId: subject, reason: null, note: null }).success).toBe(true);
    },
  );
});
