/**
 * Issue 15 item 4: rankings a social worker would sign. Each rule is pinned on
 * a small synthetic network around 晋原街道 shaped like the seed's (a township
 * station's service near the village, county services farther away, the
 * Chengdu centre's online counselling).
 */
import { matchNeed, type MatchNeedInput, type MatchResult, type Matched, type NoSuitableResource, type TrackRecord } from '../../../../src/domain/matching';
import type { Household, Marker, Need, Service } from '../../../../src/domain/model';
import { aHousehold, aNeed, aService, aTrustPath, aVillage, JINYUAN, NANJIE, NO_HISTORY, pointNorthOf } from '../../../support/builders';

/** What these tests rely on (names and ids in the expected messages), passed to the shared builders. */
const CLINIC = { id: 'svc_1', organizationId: 'org_1', name: 'Synthetic clinic', location: { ...JINYUAN.location } } satisfies Partial<Service>;
const HOUSEHOLD = { id: 'hh_1', villageId: NANJIE.id } satisfies Partial<Household>;
const NEED = { id: 'need_1', householdId: HOUSEHOLD.id, urgency: 'HIGH' } satisfies Partial<Need>;

const village = aVillage({ ...NANJIE, location: { lat: 30.6, lng: 103.5, precision: 'township' } });

function input(services: Service[], overrides: Partial<MatchNeedInput> = {}): MatchNeedInput {
  return {
    need: aNeed({ ...NEED, category: 'SOCIAL_ASSISTANCE' }),
    household: aHousehold(HOUSEHOLD),
    village,
    township: JINYUAN,
    services,
    trustPathTo: () => aTrustPath({ hops: 5, cost: 5 }),
    trackRecord: () => NO_HISTORY,
    limit: 10,
    ...overrides,
  };
}

function matched(result: MatchResult): Matched {
  if (result.kind !== 'MATCHED') throw new Error(`expected MATCHED, got ${JSON.stringify(result, null, 2)}`);
  return result;
}

function noSuitable(result: MatchResult): NoSuitableResource {
  if (result.kind !== 'NO_SUITABLE_RESOURCE') throw new Error(`expected NO_SUITABLE_RESOURCE, got ${JSON.stringify(result, null, 2)}`);
  return result;
}

describe('in-person help before online help when the household calls for it', () => {
  const onlineCounselling = aService({
    ...CLINIC,
    id: 'svc_online-counselling',
    name: '线上心理咨询与援助（合成）',
    categories: ['MENTAL_HEALTH', 'SOCIAL_ASSISTANCE'],
    online: true,
    location: null,
    capacity: 100,
  });
  const applicationHelp = aService({
    ...CLINIC,
    id: 'svc_civil-affairs-assistance',
    name: '低保／特困申请协助（合成）',
    categories: ['SOCIAL_ASSISTANCE'],
    location: pointNorthOf(village.location, 8),
    capacity: 50,
  });
  const ranking = (markers: Marker[]) =>
    matched(matchNeed(input([onlineCounselling, applicationHelp], { household: aHousehold({ ...HOUSEHOLD, markers }) })));

  it('scores online counselling higher (distance 1 as if 0 km) …', () => {
    const { matches } = ranking([]);
    const online = matches.find((m) => m.online)!;
    const inPerson = matches.find((m) => !m.online)!;
    expect(online.score).toBeGreaterThan(inPerson.score);
  });

  it('… yet ranks in-person 低保/特困 application help first for a 特困 family', () => {
    const result = ranking(['TEKUN']);
    expect(result.inPersonFirst).toBe(true);
    expect(result.matches.map((m) => m.serviceId)).toEqual(['svc_civil-affairs-assistance', 'svc_online-counselling']);
  });

  it.each<Marker>(['DIBAO', 'DISABILITY_CERTIFICATE', 'SOLITARY_ELDERLY'])('does the same for a household marked %s', (marker) => {
    expect(ranking([marker]).matches[0]!.serviceId).toBe('svc_civil-affairs-assistance');
  });

  it('keeps the score order for a household whose markers do not call for it', () => {
    for (const markers of [[], ['LEFT_BEHIND_CHILDREN'], ['EMPTY_NEST_ELDERLY']] as Marker[][]) {
      const result = ranking(markers);
      expect(result.inPersonFirst).toBe(false);
      expect(result.matches[0]!.serviceId).toBe('svc_online-counselling');
    }
  });
});

describe('reliability', () => {
  // The township station: 2 km away, three established links. The county's elderly-care matching: no
  // recorded location, five links. With no history the station leads clearly.
  const station = aService({ ...CLINIC, id: 'svc_station-social-work', categories: ['ELDERLY_CARE'], location: pointNorthOf(village.location, 2), capacity: 15 });
  const county = aService({ ...CLINIC, id: 'svc_elderly-care-matching', categories: ['ELDERLY_CARE'], location: null, capacity: 20 });
  const rank = (stationRecord: TrackRecord) =>
    matched(
      matchNeed(
        input([station, county], {
          need: aNeed({ ...NEED, category: 'ELDERLY_CARE' }),
          trustPathTo: (id) => (id === station.id ? aTrustPath({ hops: 3, cost: 3 }) : aTrustPath({ hops: 5, cost: 5 })),
          trackRecord: (id) => (id === station.id ? stationRecord : NO_HISTORY),
        }),
      ),
    ).matches.map((m) => m.serviceId);

  it('puts the near station first while neither has a history', () => {
    expect(rank(NO_HISTORY)).toEqual([station.id, county.id]);
  });

  it('lets six declines change the order', () => {
    expect(rank({ sent: 6, accepted: 0, resolved: 0, declined: 6 })).toEqual([county.id, station.id]);
  });

  it('does not count six declines for NO_CAPACITY against the station', () => {
    expect(rank({ sent: 6, accepted: 0, resolved: 0, declined: 0, declinedNoCapacity: 6 })).toEqual([station.id, county.id]);
  });
});

describe('consent-aware unlocks', () => {
  const service = aService({ ...CLINIC, id: 'svc_station-social-work', organizationId: 'org_station', name: '社工站服务（合成）', categories: ['ELDERLY_CARE'] });
  const run = (consentBlockedBy: MatchNeedInput['consentBlockedBy']) =>
    noSuitable(matchNeed(input([service], { need: aNeed({ ...NEED, category: 'ELDERLY_CARE' }), trustPathTo: () => null, consentBlockedBy })));

  it("under restricted consent asks for the family's consent, not for a new relationship", () => {
    const [reason] = run((id) => (id === service.id ? ['晋原街道社会工作服务站'] : null)).reasons;
    expect(reason!.reason).toBe('NO_TRUST_PATH');
    expect(reason!.unlock.join(' ')).toMatch(/ask the family's consent for 晋原街道社会工作服务站/);
    expect(reason!.unlock.join(' ')).toMatch(/征得家庭同意/);
    expect(reason!.unlock.join(' ')).not.toMatch(/establish a relationship/);
  });

  it('asks for a relationship when consent is not what blocks the path', () => {
    const [reason] = run(() => null).reasons;
    expect(reason!.unlock.join(' ')).toMatch(/establish a relationship/);
  });
});

describe('a match also lists what it left out', () => {
  it('lists every excluded service of the category with its gate, why, and what would unlock it', () => {
    const ok = aService({ ...CLINIC, id: 'svc_ok', categories: ['MEDICAL'] });
    const planned = aService({ ...CLINIC, id: 'svc_planned', categories: ['MEDICAL'], status: 'PLANNED' });
    const full = aService({ ...CLINIC, id: 'svc_full', categories: ['MEDICAL'], capacity: 2, activeReferrals: 2 });
    const unreachable = aService({ ...CLINIC, id: 'svc_unreachable', categories: ['MEDICAL'] });
    const otherCategory = aService({ ...CLINIC, id: 'svc_other', categories: ['EDUCATION'] });
    const result = matched(
      matchNeed(
        input([unreachable, full, ok, planned, otherCategory], {
          need: aNeed({ ...NEED, category: 'MEDICAL' }),
          trustPathTo: (id) => (id === unreachable.id ? null : aTrustPath()),
        }),
      ),
    );
    expect(result.matches.map((m) => m.serviceId)).toEqual(['svc_ok']);
    expect(result.excluded.map((e) => [e.serviceId, e.reason])).toEqual([
      ['svc_planned', 'NOT_ACTIVE'],
      ['svc_full', 'AT_CAPACITY'],
      ['svc_unreachable', 'NO_TRUST_PATH'],
    ]);
    for (const e of result.excluded) {
      expect(e.detail.length).toBeGreaterThan(0);
      expect(e.unlock.length).toBe(1);
    }
  });
});
