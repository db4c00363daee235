import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../../src/store/GraphStore';
import { seedStore } from '../../src/seed/seedStore';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { nonEmpty } from '../support/nonEmpty';

/**
 * Issue 4 over HTTP on the seeded Dayi network: a coordinator asks where a
 * need should go, sends the referral, and follows it to the end.
 */
const MATCH = `query($needId: ID!) {
  matchNeed(needId: $needId, limit: 3) {
    __typename
    ... on Matched {
      matches {
        service { id name }
        score
        scoreParts { distance { km value weight } trust { hops weakestStatus value } trackRecord { value } capacity { left value } }
        distanceKm
        locationPrecision { village service }
        eligibility { rule passed detail }
        capacityLeft
        trustPath { hops weakestStatus steps { fromId toId type status } }
      }
      considered { total suitable excluded { reason count } }
    }
    ... on NoSuitableResource { reasons { reason detail unlock services { id } } }
  }
}`;

interface MatchResponse {
  matchNeed: {
    __typename: 'Matched' | 'NoSuitableResource';
    matches?: Array<{
      service: { id: string; name: string };
      score: number;
      scoreParts: { distance: { weight: number; value: number }; trust: { hops: number } };
      distanceKm: number | null;
      locationPrecision: { village: string };
      capacityLeft: number | null;
      trustPath: { hops: number; steps: Array<{ fromId: string; toId: string; status: string }> };
    }>;
    reasons?: Array<{ reason: string; detail: string; unlock: string[] }>;
  };
}

describeEachStore('matching and closed-loop referrals ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let token: string;

  async function aNeed(category: string, household: Record<string, unknown> = {}, consent: Record<string, unknown> | null = { categories: [category] }): Promise<string> {
    const h = await server.gql<{ registerHousehold: { id: string } }>(
      'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }',
      { input: { villageId: 'vil_510129001002', size: 2, memberAgeBands: ['AGE_80_PLUS'], markers: ['SOLITARY_ELDERLY'], head: { name: '合成户主' }, ...household } },
      token,
    );
    // The family consents to share with any organisation offering this category (PIPL; issue 6).
    if (consent) {
      await server.gql(
        'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
        { input: { householdId: h.data!.registerHousehold.id, ...consent } },
        token,
      );
    }
    const n = await server.gql<{ recordNeed: { id: string } }>(
      'mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }',
      { input: { householdId: h.data!.registerHousehold.id, category, urgency: 'HIGH' } },
      token,
    );
    return n.data!.recordNeed.id;
  }

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 100, seed: 11 });
    server = await startTestServer(store);
    token = await server.token({ sub: 'per_coordinator-test', role: 'ADMIN' });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  it('ranks suitable services for an elderly-care need and explains each one', async () => {
    const res = await server.gql<MatchResponse>(MATCH, { needId: await aNeed('ELDERLY_CARE') }, token);
    expect(res.errors).toBeUndefined();
    const result = res.data!.matchNeed;
    expect(result.__typename).toBe('Matched');
    const [best, ...rest] = result.matches!;
    expect(best!.service.name).toBe('晋原街道社工站社会工作服务');
    expect(best!.locationPrecision.village).toBe('township');
    expect(best!.trustPath.steps[0]!.fromId).toMatch(/^hh_/);
    expect(best!.trustPath.steps.every((s) => s.status !== 'PROSPECTIVE')).toBe(true);
    for (const next of nonEmpty(rest, 'match after the best')) expect(next.score).toBeLessThanOrEqual(best!.score);
  });

  it('marks the proposals when the family has recorded no consent to share yet', async () => {
    const res = await server.gql<{ matchNeed: { consentRequired: boolean } }>(
      'query($needId: ID!) { matchNeed(needId: $needId) { ... on Matched { consentRequired } ... on NoSuitableResource { consentRequired } } }',
      { needId: await aNeed('ELDERLY_CARE', {}, null) },
      token,
    );
    expect(res.data!.matchNeed.consentRequired).toBe(true);
  });

  it('never routes a trust path through an organisation the family has not consented to', async () => {
    const open = await server.gql<MatchResponse>(MATCH, { needId: await aNeed('ELDERLY_CARE') }, token);
    const viaStation = open.data!.matchNeed.matches!.find((m) => m.trustPath.steps.some((s) => s.toId === 'org_station-510129001000'));
    expect(viaStation).toBeDefined();

    const restricted = await server.gql<MatchResponse>(MATCH, { needId: await aNeed('ELDERLY_CARE', {}, { organizationIds: ['org_elderly-care-institutions'] }) }, token);
    const result = restricted.data!.matchNeed;
    const paths = (result.matches ?? []).flatMap((m) => m.trustPath.steps.flatMap((s) => [s.fromId, s.toId]));
    expect(paths.filter((id) => id.startsWith('org_') && id !== 'org_elderly-care-institutions')).toEqual([]);
    expect((result.matches ?? []).map((m) => m.service.id)).not.toContain('svc_station-510129001000-social-work');
  });

  describe('consent (issue 15)', () => {
    const UNLOCKS = `query($needId: ID!) {
      matchNeed(needId: $needId, limit: 3) {
        ... on Matched { matches { service { id } } excluded { service { id } reason detail unlock } }
        ... on NoSuitableResource { reasons { reason unlock services { id } } }
      }
    }`;
    type Unlocks = {
      matchNeed: {
        matches?: Array<{ service: { id: string } }>;
        excluded?: Array<{ service: { id: string }; reason: string; detail: string; unlock: string[] }>;
        reasons?: Array<{ reason: string; unlock: string[]; services: Array<{ id: string }> }>;
      };
    };
    const unlocksFor = (r: Unlocks['matchNeed'], serviceId: string) =>
      r.excluded?.find((e) => e.service.id === serviceId)?.unlock ?? r.reasons?.find((x) => x.services.some((s) => s.id === serviceId))?.unlock ?? [];

    it("asks for the family's consent, not a new relationship, for a service only consent keeps out", async () => {
      const res = await server.gql<Unlocks>(UNLOCKS, { needId: await aNeed('ELDERLY_CARE', {}, { organizationIds: ['org_elderly-care-institutions'] }) }, token);
      expect(res.errors).toBeUndefined();
      const unlock = unlocksFor(res.data!.matchNeed, 'svc_station-510129001000-social-work').join(' ');
      expect(unlock).toMatch(/ask the family's consent for .*晋原街道社会工作服务站/);
      expect(unlock).not.toMatch(/establish a relationship/);
    });

    it('lists the services a match left out, each with its reason', async () => {
      // A working-age couple: the station takes an elderly-care need, the county's elderly-care matching (60+) does not.
      const res = await server.gql<Unlocks>(UNLOCKS, { needId: await aNeed('ELDERLY_CARE', { memberAgeBands: ['AGE_18_59', 'AGE_18_59'], markers: [] }) }, token);
      const result = res.data!.matchNeed;
      expect(result.matches?.map((m) => m.service.id)).toContain('svc_station-510129001000-social-work');
      const matching = result.excluded!.find((e) => e.service.id === 'svc_elderly-care-matching');
      expect(matching).toMatchObject({ reason: 'NOT_ELIGIBLE' });
      expect(matching!.detail).toMatch(/not eligible/);
    });

    it('referralPath honours restricted consent as matchNeed does', async () => {
      const household = async (consent: Record<string, unknown> | null) => {
        const needId = await aNeed('ELDERLY_CARE', {}, consent);
        const [need] = await store.getMany('Need', [needId]);
        return { householdId: need!.householdId, needId };
      };
      const PATH = 'query($from: ID!, $to: ID!, $needId: ID) { referralPath(from: $from, to: $to, needId: $needId) { hops steps { toId } } }';
      const ask = (from: string, needId: string | null) =>
        server.gql<{ referralPath: { hops: number; steps: Array<{ toId: string }> } | null }>(PATH, { from, to: 'svc_station-510129001000-social-work', needId }, token);

      const none = await household(null);
      expect((await ask(none.householdId, null)).data!.referralPath).not.toBeNull();

      const restricted = await household({ organizationIds: ['org_elderly-care-institutions'] });
      const blocked = await ask(restricted.householdId, restricted.needId);
      expect(blocked.errors).toBeUndefined();
      expect(blocked.data!.referralPath).toBeNull();
      expect((await ask(restricted.householdId, null)).data!.referralPath).toBeNull();

      const byCategory = await household({ categories: ['ELDERLY_CARE'], organizationIds: ['org_elderly-care-institutions'] });
      expect((await ask(byCategory.householdId, byCategory.needId)).data!.referralPath).not.toBeNull();
      // Without the need, a category consent says nothing: only the named organisation is open.
      expect((await ask(byCategory.householdId, null)).data!.referralPath).toBeNull();
    });
  });

  it('answers "no suitable resource" with the blocking reason and what would unlock it', async () => {
    const res = await server.gql<MatchResponse>(MATCH, { needId: await aNeed('DISABILITY') }, token);
    const result = res.data!.matchNeed;
    expect(result.__typename).toBe('NoSuitableResource');
    const notEligible = result.reasons!.find((r) => r.reason === 'NOT_ELIGIBLE');
    expect(notEligible?.unlock.join(' ')).toMatch(/disability certificate/);
  });

  it('says when no service in the county offers the category', async () => {
    const res = await server.gql<MatchResponse>(MATCH, { needId: await aNeed('ENTREPRENEURSHIP') }, token);
    expect(res.data!.matchNeed.reasons?.map((r) => r.reason)).toEqual(['NO_SERVICE_IN_CATEGORY']);
  });

  it('gives the trust path between two stakeholders, each step with its status', async () => {
    const res = await server.gql<{ referralPath: { hops: number; steps: Array<{ fromId: string; toId: string; type: string; status: string }> } | null }>(
      '{ referralPath(from: "vil_510129001002", to: "org_dayi-dpf") { hops steps { fromId toId type status } } }',
      {},
      token,
    );
    const path = res.data!.referralPath!;
    expect(path.steps[0]!.fromId).toBe('vil_510129001002');
    expect(path.steps[path.steps.length - 1]!.toId).toBe('org_dayi-dpf');
    expect(path.hops).toBe(path.steps.length);
  });

  it('refuses a path between two households, and from a household to itself, as BAD_USER_INPUT naming the argument', async () => {
    const PATH = 'query($from: ID!, $to: ID!) { referralPath(from: $from, to: $to) { hops } }';
    const [a, b] = await Promise.all([aNeed('ELDERLY_CARE'), aNeed('ELDERLY_CARE')]);
    const [needA, needB] = await store.getMany('Need', [a, b]);
    const two = await server.gql<{ referralPath: unknown }>(PATH, { from: needA!.householdId, to: needB!.householdId }, token);
    expect(two.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['to'] });
    expect(two.errors?.[0]?.message).toMatch(/household/);
    const self = await server.gql<{ referralPath: unknown }>(PATH, { from: needA!.householdId, to: needA!.householdId }, token);
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['to'] });
  });

  it('returns null for a stakeholder no usable path reaches (a PROSPECTIVE organisation)', async () => {
    const res = await server.gql<{ referralPath: unknown }>(
      '{ referralPath(from: "vil_510129001002", to: "org_prospective-design-agency") { hops } }',
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.referralPath).toBeNull();
  });

  describe('the closed loop', () => {
    const CREATE = 'mutation($input: CreateReferralInput!) { createReferral(input: $input) { created referral { id status service { activeReferrals capacityLeft } need { status } } } }';
    const UPDATE = 'mutation($input: UpdateReferralStatusInput!) { updateReferralStatus(input: $input) { id status reason transitions { status actorId } service { activeReferrals } need { status } } }';

    async function aServiceWithCapacity(capacity: number): Promise<string> {
      const res = await server.gql<{ addService: { id: string } }>(
        `mutation($input: AddServiceInput!) { addService(input: $input) { id } }`,
        { input: { organizationId: 'org_yijia', name: '上门探访（测试）', categories: ['ELDERLY_CARE'], capacity, area: { kind: 'COUNTY' }, online: true } },
        token,
      );
      return res.data!.addService.id;
    }

    it('claims the last slot once when two coordinators race for it', async () => {
      const serviceId = await aServiceWithCapacity(1);
      const [a, b] = await Promise.all([aNeed('ELDERLY_CARE'), aNeed('ELDERLY_CARE')]);
      const results = await Promise.all(
        [a, b].map((needId) => server.gql<{ createReferral: { created: boolean } }>(CREATE, { input: { needId, serviceId, idempotencyKey: randomUUID() } }, token)),
      );
      const winners = results.filter((r) => r.data?.createReferral.created);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers.map((r) => r.errors![0]!.extensions!['code'])).toEqual(['CAPACITY_EXHAUSTED']);
    });

    it('creates one referral for the same idempotency key sent twice', async () => {
      const serviceId = await aServiceWithCapacity(5);
      const needId = await aNeed('ELDERLY_CARE');
      const key = randomUUID();
      const first = await server.gql<{ createReferral: { created: boolean; referral: { id: string } } }>(CREATE, { input: { needId, serviceId, idempotencyKey: key } }, token);
      const again = await server.gql<{ createReferral: { created: boolean; referral: { id: string; service: { activeReferrals: number } } } }>(
        CREATE,
        { input: { needId, serviceId, idempotencyKey: key } },
        token,
      );
      expect(first.data!.createReferral.created).toBe(true);
      expect(again.data!.createReferral).toMatchObject({ created: false, referral: { id: first.data!.createReferral.referral.id, service: { activeReferrals: 1 } } });
    });

    it('walks SENT → ACCEPTED → IN_PROGRESS → RESOLVED, stamping each step, and releases the slot at the end', async () => {
      const serviceId = await aServiceWithCapacity(2);
      const needId = await aNeed('ELDERLY_CARE');
      const created = await server.gql<{ createReferral: { referral: { id: string; service: { activeReferrals: number }; need: { status: string } } } }>(
        CREATE,
        { input: { needId, serviceId, idempotencyKey: randomUUID() } },
        token,
      );
      const referralId = created.data!.createReferral.referral.id;
      expect(created.data!.createReferral.referral).toMatchObject({ service: { activeReferrals: 1 }, need: { status: 'REFERRED' } });
      for (const status of ['ACCEPTED', 'IN_PROGRESS']) {
        const step = await server.gql(UPDATE, { input: { referralId, status } }, token);
        expect(step.errors).toBeUndefined();
      }
      const done = await server.gql<{ updateReferralStatus: { status: string; transitions: Array<{ status: string; actorId: string }>; service: { activeReferrals: number }; need: { status: string } } }>(
        UPDATE,
        { input: { referralId, status: 'RESOLVED', note: '已上门' } },
        token,
      );
      expect(done.data!.updateReferralStatus).toMatchObject({ status: 'RESOLVED', service: { activeReferrals: 0 }, need: { status: 'RESOLVED' } });
      expect(done.data!.updateReferralStatus.transitions.map((t) => t.status)).toEqual(['SENT', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED']);
      expect(done.data!.updateReferralStatus.transitions.every((t) => t.actorId === 'per_coordinator-test')).toBe(true);
    });

    it('refuses an invalid transition and a decline without a standard reason', async () => {
      const serviceId = await aServiceWithCapacity(2);
      const needId = await aNeed('ELDERLY_CARE');
      const created = await server.gql<{ createReferral: { referral: { id: string } } }>(CREATE, { input: { needId, serviceId, idempotencyKey: randomUUID() } }, token);
      const referralId = created.data!.createReferral.referral.id;
      const jump = await server.gql(UPDATE, { input: { referralId, status: 'IN_PROGRESS' } }, token);
      expect(jump.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'SENT', to: 'IN_PROGRESS' });
      const noReason = await server.gql(UPDATE, { input: { referralId, status: 'DECLINED' } }, token);
      expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['input', 'reason'] });
      const declined = await server.gql<{ updateReferralStatus: { status: string; reason: string; need: { status: string } } }>(
        UPDATE,
        { input: { referralId, status: 'DECLINED', reason: 'NO_CAPACITY' } },
        token,
      );
      expect(declined.data!.updateReferralStatus).toMatchObject({ status: 'DECLINED', reason: 'NO_CAPACITY', need: { status: 'OPEN' } });
    });

    it('records assistance given for a need', async () => {
      const needId = await aNeed('ELDERLY_CARE');
      const res = await server.gql<{ recordAssistance: { outcome: string; need: { id: string } } }>(
        'mutation($input: RecordAssistanceInput!) { recordAssistance(input: $input) { outcome need { id } } }',
        { input: { needId, action: '志愿者上门送餐（合成）', outcome: 'HELPED' } },
        token,
      );
      expect(res.data!.recordAssistance).toEqual({ outcome: 'HELPED', need: { id: needId } });
    });

    it('plans allocations as a dry run that creates no referral', async () => {
      const referralsBefore = (await store.list('Referral', {}, { first: 1 })).totalCount;
      const openBefore = (await store.list('Need', { status: 'OPEN' }, { first: 1 })).totalCount;
      const res = await server.gql<{ planAllocations: { committed: boolean; needsConsidered: number; assignedCount: number; unassignedCount: number } }>(
        'mutation { planAllocations(input: {}) { committed needsConsidered assignedCount unassignedCount } }',
        {},
        token,
      );
      expect(res.errors).toBeUndefined();
      const plan = res.data!.planAllocations;
      expect(plan.committed).toBe(false);
      expect(plan.assignedCount + plan.unassignedCount).toBe(plan.needsConsidered);
      expect(plan.assignedCount).toBeGreaterThan(0);
      expect((await store.list('Referral', {}, { first: 1 })).totalCount).toBe(referralsBefore);
      expect((await store.list('Need', { status: 'OPEN' }, { first: 1 })).totalCount).toBe(openBefore);
    });
  });
});
