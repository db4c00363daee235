import { matchNeed, type MatchNeedInput, type MatchResult, type NoSuitableResource, type Matched } from '../../../../src/domain/matching';
import type { Household, Need, Service } from '../../../../src/domain/model';
import { aHousehold, aNeed, anEligibility, aService, aTrustPath, aVillage, JINYUAN, NANJIE, NO_HISTORY, pointNorthOf, WANGSI } from '../../../support/builders';

/** What these tests rely on (names and ids in the expected messages), passed to the shared builders. */
const CLINIC = { id: 'svc_1', organizationId: 'org_1', name: 'Synthetic clinic', location: { ...JINYUAN.location } } satisfies Partial<Service>;
const HOUSEHOLD = { id: 'hh_1', villageId: NANJIE.id } satisfies Partial<Household>;
const NEED = { id: 'need_1', householdId: HOUSEHOLD.id, urgency: 'HIGH' } satisfies Partial<Need>;

const village = aVillage({ ...NANJIE, location: { lat: 30.6, lng: 103.5, precision: 'township' } });

function matchInput(services: Service[], overrides: Partial<MatchNeedInput> = {}): MatchNeedInput {
  return {
    need: aNeed(NEED),
    household: aHousehold(HOUSEHOLD),
    village,
    township: JINYUAN,
    services,
    townshipsById: new Map([[JINYUAN.id, JINYUAN], [WANGSI.id, WANGSI]]),
    trustPathTo: () => aTrustPath(),
    trackRecord: () => NO_HISTORY,
    limit: 10,
    ...overrides,
  };
}

function expectMatched(result: MatchResult): Matched {
  if (result.kind !== 'MATCHED') throw new Error(`expected MATCHED, got ${JSON.stringify(result, null, 2)}`);
  return result;
}

function expectNoSuitable(result: MatchResult): NoSuitableResource {
  if (result.kind !== 'NO_SUITABLE_RESOURCE') throw new Error(`expected NO_SUITABLE_RESOURCE, got ${JSON.stringify(result, null, 2)}`);
  return result;
}

describe('matchNeed', () => {
  it('returns a suitable service with its score, distance, precisions, checks, capacity and trust path', () => {
    const clinic = aService({
      ...CLINIC,
      capacity: 5,
      activeReferrals: 2,
      location: pointNorthOf(village.location, 3, 'exact'),
      eligibility: anEligibility({ residencyTownshipIds: [JINYUAN.id] }),
    });
    const path = aTrustPath({ hops: 3, cost: 3 });
    const [match] = expectMatched(matchNeed(matchInput([clinic], { trustPathTo: () => path }))).matches;
    expect(match).toMatchObject({
      serviceId: clinic.id,
      serviceName: clinic.name,
      organizationId: clinic.organizationId,
      online: false,
      area: { how: 'COUNTY' },
      locationPrecision: { village: 'township', service: 'exact' },
      eligibility: [{ rule: 'RESIDENCY', passed: true }],
      capacityLeft: 3,
      trustPath: path,
    });
    expect(match?.distanceKm).toBeCloseTo(3, 6);
    expect(match?.score).toBeGreaterThan(0);
    expect(match?.parts.capacity).toMatchObject({ capacity: 5, left: 3, value: 3 / 5 });
  });

  it('reports an unlimited service’s capacity left as null', () => {
    const [match] = expectMatched(matchNeed(matchInput([aService({ ...CLINIC, capacity: null })]))).matches;
    expect(match?.capacityLeft).toBeNull();
  });

  describe('suitability gates', () => {
    it('skips services of other categories, counting them as outside the category', () => {
      const result = expectMatched(matchNeed(matchInput([aService(CLINIC), aService({ ...CLINIC, id: 'svc_2', categories: ['EDUCATION'] })])));
      expect(result.matches.map((m) => m.serviceId)).toEqual(['svc_1']);
      expect(result.considered).toMatchObject({ total: 2, suitable: 1, excluded: { NO_SERVICE_IN_CATEGORY: 1 } });
    });

    it('reports NO_SERVICE_IN_CATEGORY when no service offers the need’s category', () => {
      const result = expectNoSuitable(matchNeed(matchInput([aService({ ...CLINIC, categories: ['EDUCATION'] })])));
      expect(result.reasons).toEqual([
        {
          reason: 'NO_SERVICE_IN_CATEGORY',
          serviceIds: [],
          detail: 'no service offers MEDICAL (1 service(s) considered)',
          unlock: ['bring in a service offering MEDICAL (try it first as a what-if)'],
        },
      ]);
    });

    it('treats PLANNED and SUSPENDED services as not active', () => {
      const planned = aService({ ...CLINIC, id: 'svc_planned', name: 'Planned', status: 'PLANNED' });
      const suspended = aService({ ...CLINIC, id: 'svc_suspended', name: 'Suspended', status: 'SUSPENDED' });
      const [reason] = expectNoSuitable(matchNeed(matchInput([planned, suspended]))).reasons;
      expect(reason).toEqual({
        reason: 'NOT_ACTIVE',
        serviceIds: ['svc_planned', 'svc_suspended'],
        detail: 'Planned (svc_planned) is PLANNED; Suspended (svc_suspended) is SUSPENDED',
        unlock: ['Planned (svc_planned) once it is ACTIVE (now PLANNED)', 'Suspended (svc_suspended) once it is ACTIVE (now SUSPENDED)'],
      });
    });

    it('excludes a service that does not serve the village, with the area change that would', () => {
      const wangsiOnly = aService({ ...CLINIC, area: { kind: 'TOWNSHIPS', townshipIds: [WANGSI.id] } });
      const [reason] = expectNoSuitable(matchNeed(matchInput([wangsiOnly]))).reasons;
      expect(reason).toMatchObject({ reason: 'NONE_SERVING_VILLAGE', serviceIds: ['svc_1'] });
      expect(reason?.detail).toBe('Synthetic clinic (svc_1) does not serve 南街社区: serves 王泗镇, not 晋原街道 where 南街社区 lies');
      expect(reason?.unlock).toEqual(['Synthetic clinic (svc_1) would serve 南街社区 if 晋原街道 were added to its townships']);
    });

    it('excludes a service the household is not eligible for, with what would make it eligible', () => {
      const disability = aService({ ...CLINIC, name: '融乐阳光家园', eligibility: anEligibility({ requiredMarkers: ['DISABILITY_CERTIFICATE'] }) });
      const [reason] = expectNoSuitable(matchNeed(matchInput([disability]))).reasons;
      expect(reason).toEqual({
        reason: 'NOT_ELIGIBLE',
        serviceIds: ['svc_1'],
        detail: 'not eligible for 融乐阳光家园 (svc_1): requires DISABILITY_CERTIFICATE: household has no DISABILITY_CERTIFICATE',
        unlock: ['融乐阳光家园 (svc_1): eligible with a disability certificate (残疾证)'],
      });
    });

    it('excludes a service with no slot left', () => {
      const full = aService({ ...CLINIC, name: 'Z', capacity: 3, activeReferrals: 3 });
      const [reason] = expectNoSuitable(matchNeed(matchInput([full]))).reasons;
      expect(reason).toMatchObject({ reason: 'AT_CAPACITY', serviceIds: ['svc_1'], detail: 'Z (svc_1) is at capacity: 3 active of 3' });
      expect(reason?.unlock).toHaveLength(1);
    });

    it('excludes a service with no usable trust path, passing on the path-finder’s hint', () => {
      const result = matchNeed(
        matchInput([aService({ ...CLINIC, name: 'W' })], {
          trustPathTo: () => null,
          trustUnlockHint: () => 'a BUILDING link to 益邦 would open a path',
        }),
      );
      expect(expectNoSuitable(result).reasons).toEqual([
        {
          reason: 'NO_TRUST_PATH',
          serviceIds: ['svc_1'],
          detail: 'no usable trust path from the household to W (svc_1)',
          unlock: ['W (svc_1): a BUILDING link to 益邦 would open a path'],
        },
      ]);
    });

    it('reports each service under the first gate it fails only', () => {
      const plannedAndIneligible = aService({ ...CLINIC, status: 'PLANNED', eligibility: anEligibility({ requiredMarkers: ['TEKUN'] }) });
      const result = expectNoSuitable(matchNeed(matchInput([plannedAndIneligible])));
      expect(result.reasons.map((r) => r.reason)).toEqual(['NOT_ACTIVE']);
      expect(result.considered.excluded).toMatchObject({ NOT_ACTIVE: 1, NOT_ELIGIBLE: 0 });
    });

    it('lists one reason per blocking gate, in gate order', () => {
      const services = [
        aService({ ...CLINIC, id: 'svc_a' }),
        aService({ ...CLINIC, id: 'svc_b', capacity: 0 }),
        aService({ ...CLINIC, id: 'svc_c', status: 'SUSPENDED' }),
      ];
      const result = expectNoSuitable(matchNeed(matchInput(services, { trustPathTo: () => null })));
      expect(result.reasons.map((r) => [r.reason, r.serviceIds])).toEqual([
        ['NOT_ACTIVE', ['svc_c']],
        ['AT_CAPACITY', ['svc_b']],
        ['NO_TRUST_PATH', ['svc_a']],
      ]);
    });

    it('reports a RADIUS service without a location as a data issue', () => {
      const result = matchNeed(matchInput([aService({ ...CLINIC, id: 'svc_radius', area: { kind: 'RADIUS', km: 20 }, location: null }), aService(CLINIC)]));
      expect(result.kind).toBe('MATCHED');
      expect(result.dataIssues).toHaveLength(1);
      expect(result.dataIssues[0]).toMatchObject({ serviceId: 'svc_radius', problem: 'RADIUS_WITHOUT_LOCATION' });
      expect(result.dataIssues[0]?.detail).toMatch(/no location, so it can serve no village: record its location$/);
    });

    it('asks for trust paths only of services that pass every other gate, and track records only of suitable ones', () => {
      const asked: string[] = [];
      const tracked: string[] = [];
      const services = [aService({ ...CLINIC, id: 'svc_ok' }), aService({ ...CLINIC, id: 'svc_full', capacity: 0 }), aService({ ...CLINIC, id: 'svc_pathless' })];
      matchNeed(
        matchInput(services, {
          trustPathTo: (id) => {
            asked.push(id);
            return id === 'svc_pathless' ? null : aTrustPath();
          },
          trackRecord: (id) => {
            tracked.push(id);
            return NO_HISTORY;
          },
        }),
      );
      expect(asked).toEqual(['svc_ok', 'svc_pathless']);
      expect(tracked).toEqual(['svc_ok']);
    });
  });

  describe('ranking', () => {
    it('ranks by score, highest first', () => {
      const far = aService({ ...CLINIC, id: 'svc_far', location: pointNorthOf(village.location, 30) });
      const near = aService({ ...CLINIC, id: 'svc_near', location: pointNorthOf(village.location, 1) });
      const { matches } = expectMatched(matchNeed(matchInput([far, near])));
      expect(matches.map((m) => m.serviceId)).toEqual(['svc_near', 'svc_far']);
      expect(matches[0]!.score).toBeGreaterThan(matches[1]!.score);
    });

    it('breaks equal scores by distance, nearest first, unknown distances last', () => {
      // Online services score distance as 0 km whatever their office's distance, so their scores tie.
      const services = [
        aService({ ...CLINIC, id: 'svc_a', online: true, location: null }),
        aService({ ...CLINIC, id: 'svc_b', online: true, location: pointNorthOf(village.location, 20) }),
        aService({ ...CLINIC, id: 'svc_c', online: true, location: pointNorthOf(village.location, 5) }),
      ];
      const { matches } = expectMatched(matchNeed(matchInput(services)));
      expect(new Set(matches.map((m) => m.score)).size).toBe(1);
      expect(matches.map((m) => m.serviceId)).toEqual(['svc_c', 'svc_b', 'svc_a']);
    });

    it('breaks equal scores and distances by service id', () => {
      const services = ['svc_c', 'svc_a', 'svc_b'].map((id) => aService({ ...CLINIC, id }));
      const { matches } = expectMatched(matchNeed(matchInput(services)));
      expect(matches.map((m) => m.serviceId)).toEqual(['svc_a', 'svc_b', 'svc_c']);
    });

    it('returns at most `limit` matches but counts every suitable one', () => {
      const services = ['svc_a', 'svc_b', 'svc_c'].map((id) => aService({ ...CLINIC, id }));
      const result = expectMatched(matchNeed(matchInput(services, { limit: 2 })));
      expect(result.matches.map((m) => m.serviceId)).toEqual(['svc_a', 'svc_b']);
      expect(result.considered.suitable).toBe(3);
    });

    it('prefers an established path to a building one of the same cost', () => {
      const services = [aService({ ...CLINIC, id: 'svc_building' }), aService({ ...CLINIC, id: 'svc_established' })];
      const trustPathTo = (id: string) => aTrustPath({ weakestStatus: id === 'svc_building' ? 'BUILDING' : 'ESTABLISHED' });
      const { matches } = expectMatched(matchNeed(matchInput(services, { trustPathTo })));
      expect(matches.map((m) => m.serviceId)).toEqual(['svc_established', 'svc_building']);
    });
  });

  describe('rejects inconsistent input', () => {
    it('a need of another household', () => {
      expect(() => matchNeed(matchInput([], { need: aNeed({ ...NEED, householdId: 'hh_2' }) }))).toThrow(/domain\/matchNeed: need need_1 belongs to hh_2/);
    });

    it('a service listed twice', () => {
      expect(() => matchNeed(matchInput([aService(CLINIC), aService(CLINIC)]))).toThrow(/service svc_1 is listed twice/);
    });

    it('a limit below 1', () => {
      expect(() => matchNeed(matchInput([aService(CLINIC)], { limit: 0 }))).toThrow(/limit must be an integer ≥ 1, got 0/);
    });
  });
});
