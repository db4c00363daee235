/**
 * matchNeed against a brute-force oracle: random small synthetic networks,
 * suitability re-implemented straight from the rules, ranked with the same
 * exported score function. Both must agree on the suitable set and its order,
 * and on which gate stopped each unsuitable service.
 */
import fc from 'fast-check';
import { greatCircleKm } from '../../../../src/domain/greatCircleKm';
import { matchNeed, scoreMatch, type TrackRecord, type TrustPathInfo } from '../../../../src/domain/matching';
import type { AgeBand, GeoPoint, Household, Marker, Service, Township, Village } from '../../../../src/domain/model';
import { AgeBand as AgeBandSchema, Marker as MarkerSchema } from '../../../../src/domain/model';
import { aHousehold, aNeed, aService } from '../../../support/builders';

// ---------------------------------------------------------------------------
// The oracle: the rules of the brief, written out one by one.

interface World {
  townships: Township[];
  villages: Village[];
  household: Household;
  village: Village;
  category: string;
  services: Service[];
  trust: Map<string, TrustPathInfo | null>;
  track: Map<string, TrackRecord>;
  limit: number;
}

type Gate = 'NOT_ACTIVE' | 'NONE_SERVING_VILLAGE' | 'NOT_ELIGIBLE' | 'AT_CAPACITY' | 'NO_TRUST_PATH';

function oracleFirstFailingGate(w: World, s: Service): Gate | null {
  const h = w.household;
  const v = w.village;
  if (s.status !== 'ACTIVE') return 'NOT_ACTIVE';

  let serves: boolean;
  if (s.online) serves = true;
  else if (s.area.kind === 'COUNTY') serves = true;
  else if (s.area.kind === 'TOWNSHIPS') serves = s.area.townshipIds.includes(v.townshipId);
  else if (s.area.kind === 'VILLAGES') serves = s.area.villageIds.includes(v.id);
  else serves = s.location !== null && greatCircleKm(s.location, v.location) <= s.area.km;
  if (!serves) return 'NONE_SERVING_VILLAGE';

  const e = s.eligibility;
  const ageOk = e.ageBands.length === 0 || h.memberAgeBands.some((b) => e.ageBands.includes(b));
  const requiredOk = e.requiredMarkers.every((m) => h.markers.includes(m));
  const anyOk = e.anyOfMarkers.length === 0 || e.anyOfMarkers.some((m) => h.markers.includes(m));
  const residencyOk = e.residencyTownshipIds.length === 0 || e.residencyTownshipIds.includes(v.townshipId);
  if (!(ageOk && requiredOk && anyOk && residencyOk)) return 'NOT_ELIGIBLE';

  if (s.capacity !== null && s.capacity - s.activeReferrals < 1) return 'AT_CAPACITY';
  if (w.trust.get(s.id) == null) return 'NO_TRUST_PATH';
  return null;
}

interface OracleMatch {
  serviceId: string;
  score: number;
  distanceKm: number | null;
  online: boolean;
}

/** The in-person rule as the brief states it: 特困, 低保, 残疾证 or 独居老人 in the household → in-person help first. */
function oracleInPersonFirst(h: Household): boolean {
  return h.markers.includes('TEKUN') || h.markers.includes('DIBAO') || h.markers.includes('DISABILITY_CERTIFICATE') || h.markers.includes('SOLITARY_ELDERLY');
}

function oracleMatches(w: World): OracleMatch[] {
  const found: OracleMatch[] = [];
  for (const s of w.services) {
    if (!s.categories.includes(w.category) || oracleFirstFailingGate(w, s) !== null) continue;
    const distanceKm = s.location === null ? null : greatCircleKm(s.location, w.village.location);
    const capacityLeft = s.capacity === null ? null : s.capacity - s.activeReferrals;
    const { score } = scoreMatch({
      distanceKm,
      online: s.online,
      trust: w.trust.get(s.id) as TrustPathInfo,
      trackRecord: w.track.get(s.id) as TrackRecord,
      capacity: s.capacity,
      capacityLeft,
    });
    found.push({ serviceId: s.id, score, distanceKm, online: s.online });
  }
  // Brute force: for each slot pick the best remaining by (in person first when called for, score desc, distance asc with unknown last, id asc).
  const inPersonFirst = oracleInPersonFirst(w.household);
  const ranked: OracleMatch[] = [];
  const rest = [...found];
  while (rest.length > 0) {
    let best = 0;
    for (let i = 1; i < rest.length; i++) if (better(rest[i] as OracleMatch, rest[best] as OracleMatch, inPersonFirst)) best = i;
    ranked.push(rest.splice(best, 1)[0] as OracleMatch);
  }
  return ranked;
}

function better(a: OracleMatch, b: OracleMatch, inPersonFirst: boolean): boolean {
  if (inPersonFirst && a.online !== b.online) return !a.online;
  if (a.score !== b.score) return a.score > b.score;
  const da = a.distanceKm ?? Infinity;
  const db = b.distanceKm ?? Infinity;
  if (da !== db) return da < db;
  return a.serviceId < b.serviceId;
}

// ---------------------------------------------------------------------------
// Generators: small synthetic networks around Dayi, with few distinct values so scores tie often.

const CATEGORIES = ['MEDICAL', 'EDUCATION', 'ELDERLY_CARE'];
const TOWNSHIP_IDS = ['twp_1', 'twp_2', 'twp_3'];

const pointArb: fc.Arbitrary<GeoPoint> = fc.record({
  lat: fc.double({ min: 30.45, max: 30.75, noNaN: true }),
  lng: fc.double({ min: 103.2, max: 103.75, noNaN: true }),
  precision: fc.constantFrom('township' as const, 'village' as const, 'exact' as const),
});

const subsetOf = <T>(xs: readonly T[], minLength = 0) => fc.subarray([...xs], { minLength });
/** Mostly empty rule lists: real services state few rules. */
const ruleOf = <T>(xs: readonly T[]) => fc.oneof({ weight: 5, arbitrary: fc.constant([] as T[]) }, { weight: 1, arbitrary: subsetOf(xs, 1) });

const trackArb: fc.Arbitrary<TrackRecord> = fc.constantFrom(
  { sent: 0, accepted: 0, resolved: 0, declined: 0 },
  { sent: 10, accepted: 8, resolved: 6, declined: 2 },
  { sent: 5, accepted: 1, resolved: 1, declined: 4 },
);

const trustArb: fc.Arbitrary<TrustPathInfo | null> = fc.option(
  fc.record({
    hops: fc.integer({ min: 1, max: 5 }),
    cost: fc.constantFrom(1, 2, 3, 4, 5.5),
    weakestStatus: fc.constantFrom('ESTABLISHED' as const, 'BUILDING' as const),
    steps: fc.constant([] as unknown[]),
  }),
  { freq: 5 },
);

const worldArb: fc.Arbitrary<World> = fc
  .record({
    townshipPoints: fc.array(pointArb, { minLength: 3, maxLength: 3 }),
    villageSpecs: fc.array(fc.record({ townshipId: fc.constantFrom(...TOWNSHIP_IDS), location: pointArb }), { minLength: 1, maxLength: 5 }),
  })
  .chain(({ townshipPoints, villageSpecs }) => {
    const townships: Township[] = TOWNSHIP_IDS.map((id, i) => ({
      id,
      code: `51012900${i}000`,
      name: `Township ${i}`,
      kind: 'TOWN',
      location: townshipPoints[i] as GeoPoint,
      source: 'synthetic',
    }));
    const villages: Village[] = villageSpecs.map((spec, i) => ({
      id: `vil_${i}`,
      code: `51012900100${i}`,
      name: `Village ${i} committee`,
      displayName: `Village ${i}`,
      type: 'VILLAGE',
      townshipId: spec.townshipId,
      location: spec.location,
      source: 'synthetic',
    }));
    const villageIds = villages.map((v) => v.id);
    // Service points: often a village's own point (distance 0, exact ties), sometimes anywhere, sometimes none.
    const servicePointArb = fc.oneof(fc.constantFrom(...villages.map((v) => v.location)), pointArb, fc.constant(null));
    const areaArb: fc.Arbitrary<Service['area']> = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: 'COUNTY' as const }) },
      { weight: 1, arbitrary: subsetOf(TOWNSHIP_IDS, 1).map((townshipIds) => ({ kind: 'TOWNSHIPS' as const, townshipIds })) },
      { weight: 1, arbitrary: subsetOf(villageIds, 1).map((ids) => ({ kind: 'VILLAGES' as const, villageIds: ids })) },
      {
        weight: 2,
        arbitrary: fc
          .oneof(fc.constantFrom(1, 5, 10, 20, 40), fc.double({ min: 0.1, max: 60, noNaN: true }))
          .map((km) => ({ kind: 'RADIUS' as const, km })),
      },
    );
    const serviceArb = fc.record({
      categories: fc.oneof(fc.constant(CATEGORIES), subsetOf(CATEGORIES, 1)),
      eligibility: fc.record({
        ageBands: ruleOf(AgeBandSchema.options),
        requiredMarkers: ruleOf(MarkerSchema.options).map((ms) => ms.slice(0, 2)),
        anyOfMarkers: ruleOf(MarkerSchema.options),
        residencyTownshipIds: ruleOf(TOWNSHIP_IDS),
      }),
      capacity: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 2 }),
      activeReferrals: fc.integer({ min: 0, max: 4 }),
      location: servicePointArb,
      online: fc.constantFrom(false, false, false, true),
      area: areaArb,
      status: fc.constantFrom<Service['status']>('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'PLANNED', 'SUSPENDED'),
      trust: trustArb,
      track: trackArb,
    });
    return fc.record({
      villageIndex: fc.nat(villages.length - 1),
      bands: fc.array(fc.constantFrom<AgeBand>(...AgeBandSchema.options), { maxLength: 4 }),
      extraMembers: fc.nat(2),
      markers: subsetOf<Marker>(MarkerSchema.options),
      category: fc.constantFrom(...CATEGORIES),
      specs: fc.array(serviceArb, { maxLength: 10, size: 'medium' }),
      /** Copies of earlier services under new ids: equal scores, so the tie-breaks get exercised. */
      copies: fc.array(fc.nat(), { maxLength: 3 }),
      limit: fc.integer({ min: 1, max: 10 }),
      townships: fc.constant(townships),
      villages: fc.constant(villages),
    });
  })
  .map(({ villageIndex, bands, extraMembers, markers, category, specs: originals, copies, limit, townships, villages }) => {
    const specs = originals.length === 0 ? originals : [...originals, ...copies.map((i) => originals[i % originals.length] as (typeof originals)[number])];
    const village = villages[villageIndex] as Village;
    const household = aHousehold({
      villageId: village.id,
      size: Math.max(1, bands.length + extraMembers),
      memberAgeBands: bands,
      markers,
      disabilityGrade: markers.includes('DISABILITY_CERTIFICATE') ? 2 : null,
    });
    const services = specs.map((spec, i) =>
      aService({
        id: `svc_${i}`,
        name: `Synthetic service ${i}`,
        categories: spec.categories,
        eligibility: spec.eligibility,
        capacity: spec.capacity,
        activeReferrals: spec.activeReferrals,
        location: spec.location,
        online: spec.online,
        area: spec.area,
        status: spec.status,
      }),
    );
    return {
      townships,
      villages,
      household,
      village,
      category,
      services,
      trust: new Map(specs.map((spec, i) => [`svc_${i}`, spec.trust])),
      track: new Map(specs.map((spec, i) => [`svc_${i}`, spec.track])),
      limit,
    };
  });

function run(w: World) {
  const township = w.townships.find((t) => t.id === w.village.townshipId) as Township;
  return matchNeed({
    need: aNeed({ householdId: w.household.id, category: w.category }),
    household: w.household,
    village: w.village,
    township,
    services: w.services,
    villagesById: new Map(w.villages.map((v) => [v.id, v])),
    townshipsById: new Map(w.townships.map((t) => [t.id, t])),
    trustPathTo: (id) => w.trust.get(id) ?? null,
    trackRecord: (id) => w.track.get(id) as TrackRecord,
    limit: w.limit,
  });
}

// ---------------------------------------------------------------------------

const RUNS = { numRuns: 1000 };

describe('matchNeed agrees with a brute-force oracle', () => {
  it('finds the same suitable services, in the same order, with the same scores and distances', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const expected = oracleMatches(w);
        const result = run(w);
        if (expected.length === 0) {
          expect(result.kind).toBe('NO_SUITABLE_RESOURCE');
          return;
        }
        if (result.kind !== 'MATCHED') throw new Error(`expected MATCHED, got ${result.kind}`);
        const got = result.matches.map((m) => ({ serviceId: m.serviceId, score: m.score, distanceKm: m.distanceKm, online: m.online }));
        expect(got).toEqual(expected.slice(0, w.limit));
        expect(result.considered.suitable).toBe(expected.length);
        expect(result.inPersonFirst).toBe(oracleInPersonFirst(w.household));
      }),
      RUNS,
    );
  });

  it('attributes every unsuitable service of the category to the first gate it fails', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const result = run(w);
        const inCategory = w.services.filter((s) => s.categories.includes(w.category));
        const expectedCounts = { NOT_ACTIVE: 0, NONE_SERVING_VILLAGE: 0, NOT_ELIGIBLE: 0, AT_CAPACITY: 0, NO_TRUST_PATH: 0 };
        for (const s of inCategory) {
          const gate = oracleFirstFailingGate(w, s);
          if (gate !== null) expectedCounts[gate] += 1;
        }
        expect(result.considered.excluded).toEqual({ NO_SERVICE_IN_CATEGORY: w.services.length - inCategory.length, ...expectedCounts });
        expect(result.considered.total).toBe(w.services.length);

        const expectedExcluded = inCategory.flatMap((s) => {
          const gate = oracleFirstFailingGate(w, s);
          return gate === null ? [] : [[s.id, gate] as const];
        });
        if (result.kind === 'MATCHED') {
          // A match lists every unsuitable service of the category too, each under its first failing gate.
          expect(new Map(result.excluded.map((e) => [e.serviceId, e.reason] as const))).toEqual(new Map(expectedExcluded));
          expect(result.excluded).toHaveLength(expectedExcluded.length);
        }
        if (result.kind === 'NO_SUITABLE_RESOURCE') {
          if (inCategory.length === 0) {
            expect(result.reasons.map((r) => r.reason)).toEqual(['NO_SERVICE_IN_CATEGORY']);
            return;
          }
          const listed = result.reasons.flatMap((r) => r.serviceIds.map((id) => [id, r.reason] as const));
          const expectedListed = inCategory.map((s) => [s.id, oracleFirstFailingGate(w, s)] as const);
          expect(new Map(listed)).toEqual(new Map(expectedListed));
          expect(listed).toHaveLength(inCategory.length);
        }
      }),
      RUNS,
    );
  });

  it('reports location precisions and only passed eligibility checks on every match', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const result = run(w);
        if (result.kind !== 'MATCHED') return;
        for (const m of result.matches) {
          const service = w.services.find((s) => s.id === m.serviceId) as Service;
          expect(m.locationPrecision).toEqual({ village: w.village.location.precision, service: service.location?.precision ?? null });
          expect(m.eligibility.every((c) => c.passed)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
