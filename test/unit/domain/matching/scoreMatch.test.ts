import fc from 'fast-check';
import { SCORE_WEIGHTS, scoreMatch, type ScoreInput, type TrackRecord } from '../../../../src/domain/matching';
import { NO_HISTORY } from '../../../support/builders';

function anInput(overrides: Partial<ScoreInput> = {}): ScoreInput {
  return {
    distanceKm: 10,
    online: false,
    trust: { hops: 4, cost: 4, weakestStatus: 'ESTABLISHED' },
    trackRecord: NO_HISTORY,
    capacity: null,
    capacityLeft: null,
    ...overrides,
  };
}

const trackRecordArb: fc.Arbitrary<TrackRecord> = fc
  .record({ accepted: fc.nat(50), declined: fc.nat(50), pending: fc.nat(50) })
  .chain(({ accepted, declined, pending }) =>
    fc.nat(accepted + pending).map((resolved) => ({ sent: accepted + declined + pending, accepted, declined, resolved })),
  );

const inputArb: fc.Arbitrary<ScoreInput> = fc.record({
  distanceKm: fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: null }),
  online: fc.boolean(),
  trust: fc.record({ hops: fc.nat(10), cost: fc.double({ min: 0, max: 40, noNaN: true }), weakestStatus: fc.constantFrom('ESTABLISHED' as const, 'BUILDING' as const) }),
  trackRecord: trackRecordArb,
  capacity: fc.constant<number | null>(null),
  capacityLeft: fc.constant<number | null>(null),
}).chain((base): fc.Arbitrary<ScoreInput> =>
  fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }).chain((capacity) =>
    capacity === null
      ? fc.constant(base)
      : fc.integer({ min: 1, max: capacity }).map((left) => ({ ...base, capacity, capacityLeft: left })),
  ),
);

describe('scoreMatch', () => {
  it('has weights that sum to 1', () => {
    const total = Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('is the weighted sum of its parts, within [0, 1]', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { score, parts } = scoreMatch(input);
        const sum = Object.values(parts).reduce((acc, p) => acc + p.weight * p.value, 0);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(score).toBeCloseTo(sum, 12);
        for (const p of Object.values(parts)) {
          expect(p.value).toBeGreaterThanOrEqual(0);
          expect(p.value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  describe('distance', () => {
    it('halves at 10 km: 1 / (1 + km / 10)', () => {
      expect(scoreMatch(anInput({ distanceKm: 10 })).parts.distance.value).toBe(0.5);
      expect(scoreMatch(anInput({ distanceKm: 0 })).parts.distance.value).toBe(1);
      expect(scoreMatch(anInput({ distanceKm: 30 })).parts.distance.value).toBe(0.25);
    });

    it('never prefers a farther service when all else is equal', () => {
      fc.assert(
        fc.property(inputArb, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (input, a, b) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          const base = { ...input, online: false };
          expect(scoreMatch({ ...base, distanceKm: near }).score).toBeGreaterThanOrEqual(scoreMatch({ ...base, distanceKm: far }).score);
        }),
      );
    });

    it('scores an online service as 0 km and says so', () => {
      const { distance } = scoreMatch(anInput({ online: true, distanceKm: 40 })).parts;
      expect(distance).toMatchObject({ km: 0, online: true, value: 1, note: 'online: scored as 0 km' });
    });

    it('scores an unknown distance as 10 km', () => {
      const { distance } = scoreMatch(anInput({ distanceKm: null })).parts;
      expect(distance).toMatchObject({ km: null, value: 0.5 });
    });
  });

  describe('trust', () => {
    it('halves at cost 4 on an established path', () => {
      expect(scoreMatch(anInput({ trust: { hops: 4, cost: 4, weakestStatus: 'ESTABLISHED' } })).parts.trust.value).toBe(0.5);
    });

    it('halves again when the weakest link is BUILDING', () => {
      const established = scoreMatch(anInput({ trust: { hops: 2, cost: 4, weakestStatus: 'ESTABLISHED' } })).parts.trust.value;
      const building = scoreMatch(anInput({ trust: { hops: 2, cost: 4, weakestStatus: 'BUILDING' } })).parts.trust.value;
      expect(building).toBe(established / 2);
    });

    it('never prefers a costlier path when all else is equal', () => {
      fc.assert(
        fc.property(inputArb, fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), (input, a, b) => {
          const [cheap, dear] = a <= b ? [a, b] : [b, a];
          const cheaper = scoreMatch({ ...input, trust: { ...input.trust, cost: cheap } }).score;
          const dearer = scoreMatch({ ...input, trust: { ...input.trust, cost: dear } }).score;
          expect(cheaper).toBeGreaterThanOrEqual(dearer);
        }),
      );
    });
  });

  describe('track record (Laplace-smoothed, the weaker of two rates)', () => {
    it('gives a service with no history the prior mean, 0.5', () => {
      expect(scoreMatch(anInput()).parts.trackRecord).toMatchObject({ acceptanceRate: 0.5, resolutionRate: 0.5, value: 0.5 });
    });

    it('ranks a new service between a reliable one and an unreliable one', () => {
      const score = (trackRecord: TrackRecord) => scoreMatch(anInput({ trackRecord })).score;
      const reliable = score({ sent: 10, accepted: 9, declined: 1, resolved: 8 });
      const unreliable = score({ sent: 10, accepted: 2, declined: 8, resolved: 1 });
      expect(reliable).toBeGreaterThan(score(NO_HISTORY));
      expect(score(NO_HISTORY)).toBeGreaterThan(unreliable);
    });

    it('moves gradually: one acceptance is not a perfect record', () => {
      const { acceptanceRate, resolutionRate } = scoreMatch(anInput({ trackRecord: { sent: 1, accepted: 1, declined: 0, resolved: 1 } })).parts.trackRecord;
      expect(acceptanceRate).toBe(2 / 3);
      expect(resolutionRate).toBe(2 / 3);
    });

    it('counts resolution among referrals not declined', () => {
      const { resolutionRate } = scoreMatch(anInput({ trackRecord: { sent: 10, accepted: 6, declined: 4, resolved: 6 } })).parts.trackRecord;
      expect(resolutionRate).toBe((6 + 1) / (10 - 4 + 2));
    });

    it('is the weaker rate: accepting without ever resolving is not reliable', () => {
      const { acceptanceRate, resolutionRate, value } = scoreMatch(anInput({ trackRecord: { sent: 6, accepted: 6, declined: 0, resolved: 0 } })).parts.trackRecord;
      expect(acceptanceRate).toBe(7 / 8);
      expect(resolutionRate).toBe(1 / 8);
      expect(value).toBe(1 / 8);
    });

    it('brings six declines down to 1/8', () => {
      expect(scoreMatch(anInput({ trackRecord: { sent: 6, accepted: 0, declined: 6, resolved: 0 } })).parts.trackRecord.value).toBe(1 / 8);
    });

    it('does not hold a decline for NO_CAPACITY against the service', () => {
      const full = scoreMatch(anInput({ trackRecord: { sent: 6, accepted: 0, declined: 0, declinedNoCapacity: 6, resolved: 0 } }));
      expect(full.parts.trackRecord).toMatchObject({ acceptanceRate: 0.5, resolutionRate: 0.5, value: 0.5, declinedNoCapacity: 6 });
      expect(full.score).toBe(scoreMatch(anInput()).score);
    });
  });

  describe('capacity headroom', () => {
    it('is full for an unlimited service', () => {
      expect(scoreMatch(anInput()).parts.capacity.value).toBe(1);
    });

    it('is the share of capacity left', () => {
      expect(scoreMatch(anInput({ capacity: 4, capacityLeft: 1 })).parts.capacity.value).toBe(0.25);
    });
  });

  describe('rejects inputs that would make the score meaningless', () => {
    it('a negative path cost', () => {
      expect(() => scoreMatch(anInput({ trust: { hops: 1, cost: -1, weakestStatus: 'ESTABLISHED' } }))).toThrow(/domain\/scoreMatch: trust path cost/);
    });

    it('a PROSPECTIVE weakest link', () => {
      const trust = { hops: 1, cost: 1, weakestStatus: 'PROSPECTIVE' } as unknown as ScoreInput['trust'];
      expect(() => scoreMatch(anInput({ trust }))).toThrow(/PROSPECTIVE links carry no referral/);
    });

    it('a track record with more answers than referrals', () => {
      expect(() => scoreMatch(anInput({ trackRecord: { sent: 2, accepted: 2, declined: 1, resolved: 0 } }))).toThrow(/track record .* is inconsistent/);
    });

    it('a negative distance', () => {
      expect(() => scoreMatch(anInput({ distanceKm: -1 }))).toThrow(/distanceKm must be a finite number/);
    });
  });
});
