import { consentedOrganizationIds } from '../../src/services/consent';
import type { Household, Need } from '../../src/domain/model';
import type { GraphStore } from '../../src/store/GraphStore';
import { aConsent, aHousehold, aNeed } from '../support/builders';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { accessWorld, post, storeAccessWorld, tokensFor, viewersOf, type RawResponse } from './accessWorld';

/**
 * Issue 6, consent: a referral to an organisation the family has not
 * consented to is refused unless overridden with a stated reason (stored);
 * withdrawal counts from the next request; children's records need a
 * guardian's consent; a partner NGO sees a family's personal data only while
 * consent (or an override) covers the referral.
 */
const world = accessWorld();
const { partner, other } = world.orgs;
const { partnerMedical, partnerEducation, otherMedical } = world.services;

const REFER = `mutation($need: ID!, $service: ID!, $key: String!, $override: String) {
  createReferral(input: { needId: $need, serviceId: $service, idempotencyKey: $key, consentOverrideReason: $override }) {
    created referral { id consentOverrideReason }
  }
}`;
const RECORD = `mutation($h: ID!, $orgs: [ID!], $cats: [String!], $guardian: Boolean) {
  recordConsent(input: { householdId: $h, organizationIds: $orgs, categories: $cats, guardianConsent: $guardian }) { id active }
}`;
const WITHDRAW = 'mutation($id: ID!) { withdrawConsent(id: $id) { id active withdrawnAt } }';

const codes = (res: RawResponse) => (res.json?.errors ?? []).map((e) => e.extensions?.['code']);
let keySeq = 0;
const nextKey = () => `consent-test-${++keySeq}`;

describeEachStore('consent ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let tokens: Map<string, string | null>;
  const as = (name: string) => tokens.get(name) ?? null;

  beforeAll(async () => {
    store = await adapter.open();
    await storeAccessWorld(store, world);
    server = await startTestServer(store);
    tokens = await tokensFor(server, viewersOf(world));
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  /** A fresh family in V1 (social worker V1's scope) with one open need. */
  async function aFamily(overrides: Partial<Household> = {}, category = 'MEDICAL'): Promise<{ household: Household; need: Need }> {
    const household = aHousehold({ villageId: world.villages.v1.id, memberAgeBands: ['AGE_18_59', 'AGE_60_79'], markers: [], ...overrides });
    const need = aNeed({ householdId: household.id, category });
    await store.upsertMany('Household', [household]);
    await store.upsertMany('Need', [need]);
    return { household, need };
  }
  const refer = (need: Need, serviceId: string, override?: string) =>
    post(server, REFER, { token: as('SOCIAL_WORKER_V1'), variables: { need: need.id, service: serviceId, key: nextKey(), override } });
  const consent = async (householdId: string, input: { orgs?: string[]; cats?: string[]; guardian?: boolean }) => {
    const res = await post(server, RECORD, { token: as('SOCIAL_WORKER_V1'), variables: { h: householdId, ...input } });
    expect(res.json?.errors).toBeUndefined();
    return (res.json?.data as { recordConsent: { id: string } }).recordConsent.id;
  };

  it('refuses a referral without consent as CONSENT_REQUIRED, and claims no capacity', async () => {
    const { need } = await aFamily();
    const [before] = await store.getMany('Service', [partnerMedical.id]);
    const res = await refer(need, partnerMedical.id);
    expect(codes(res)).toEqual(['CONSENT_REQUIRED']);
    expect(res.json?.errors?.[0]?.extensions?.['gap']).toBe('NO_CONSENT');
    const [after] = await store.getMany('Service', [partnerMedical.id]);
    expect(after?.activeReferrals).toBe(before?.activeReferrals);
    expect((await store.list('Referral', { needId: need.id }, { first: 10 })).totalCount).toBe(0);
  });

  it('sends it with a stated override reason, and stores the reason on the referral', async () => {
    const { need } = await aFamily();
    const reason = 'family agreed by phone; paper form follows (synthetic)';
    const res = await refer(need, partnerMedical.id, reason);
    const referral = (res.json?.data as { createReferral: { referral: { id: string; consentOverrideReason: string } } }).createReferral.referral;
    expect(referral.consentOverrideReason).toBe(reason);
    const [stored] = await store.getMany('Referral', [referral.id]);
    expect(stored?.consentOverrideReason).toBe(reason);
  });

  it('sends it when the family consented to the organisation', async () => {
    const { household, need } = await aFamily();
    await consent(household.id, { orgs: [partner.id] });
    expect(codes(await refer(need, partnerMedical.id))).toEqual([]);
  });

  it('sends it when the family consented to the category, to any organisation', async () => {
    const { household, need } = await aFamily({}, 'EDUCATION');
    await consent(household.id, { cats: ['EDUCATION'] });
    expect(codes(await refer(need, partnerEducation.id))).toEqual([]);
  });

  it('does not stretch a consent to one organisation to another', async () => {
    const { household, need } = await aFamily();
    await consent(household.id, { orgs: [partner.id] });
    expect(codes(await refer(need, otherMedical.id))).toEqual(['CONSENT_REQUIRED']);
  });

  it('refuses the next referral once the consent is withdrawn', async () => {
    const { household, need } = await aFamily();
    const consentId = await consent(household.id, { orgs: [partner.id] });
    const withdrawn = await post(server, WITHDRAW, { token: as('SOCIAL_WORKER_V1'), variables: { id: consentId } });
    expect((withdrawn.json?.data as { withdrawConsent: { active: boolean } }).withdrawConsent.active).toBe(false);
    expect(codes(await refer(need, partnerMedical.id))).toEqual(['CONSENT_REQUIRED']);
  });

  it('does not count an expired consent', async () => {
    const { household, need } = await aFamily();
    await store.create('Consent', aConsent({ householdId: household.id, organizationIds: [partner.id], categories: [], validUntil: '2025-06-01T00:00:00.000Z' }));
    expect(codes(await refer(need, partnerMedical.id))).toEqual(['CONSENT_REQUIRED']);
  });

  it.each([
    ['a member under 18', { memberAgeBands: ['AGE_18_59', 'AGE_7_17'] }],
    ['a baby', { memberAgeBands: ['AGE_0_3'] }],
    ['the left-behind-children marker', { memberAgeBands: ['AGE_60_79'], markers: ['LEFT_BEHIND_CHILDREN'] }],
  ] as Array<[string, Partial<Household>]>)("needs a guardian's consent for a household with %s", async (_, overrides) => {
    const { household, need } = await aFamily(overrides);
    await consent(household.id, { orgs: [partner.id], guardian: false });
    const refused = await refer(need, partnerMedical.id);
    expect(codes(refused)).toEqual(['CONSENT_REQUIRED']);
    expect(refused.json?.errors?.[0]?.extensions?.['gap']).toBe('GUARDIAN_CONSENT_REQUIRED');
    await consent(household.id, { orgs: [partner.id], guardian: true });
    expect(codes(await refer(need, partnerMedical.id))).toEqual([]);
  });

  it("stops showing the family's personal data to the partner NGO from the request after withdrawal", async () => {
    const { household, need } = await aFamily({ head: { name: 'CANARY-NAME-withdrawn', phone: '+86 139 0000 7399', idNumber: null } });
    const consentId = await consent(household.id, { orgs: [partner.id] });
    expect(codes(await refer(need, partnerMedical.id))).toEqual([]);
    const query = 'query($id: ID!) { node(id: $id) { ... on Household { size head { name phone } } } }';
    const before = await post(server, query, { token: as('PARTNER'), variables: { id: household.id } });
    expect(before.json?.data).toEqual({ node: { size: household.size, head: { name: 'CANARY-NAME-withdrawn', phone: '+86 139 0000 7399' } } });
    await post(server, WITHDRAW, { token: as('SOCIAL_WORKER_V1'), variables: { id: consentId } });
    const after = await post(server, query, { token: as('PARTNER'), variables: { id: household.id } });
    expect(after.json?.data).toEqual({ node: { size: household.size, head: null } });
  });

  it("lists a household's consents to staff in scope, and refuses them to others", async () => {
    const query = 'query($h: ID!) { consents(householdId: $h) { id active organizations { id } guardianConsent } }';
    const listed = await post(server, query, { token: as('SOCIAL_WORKER_V1'), variables: { h: world.households.hhA.id } });
    expect(listed.json?.data).toEqual({ consents: [{ id: world.consents.cnsA.id, active: true, organizations: [{ id: partner.id }], guardianConsent: true }] });
    expect(codes(await post(server, query, { token: as('COORDINATOR_T2'), variables: { h: world.households.hhA.id } }))).toEqual(['NOT_FOUND']);
    expect(codes(await post(server, query, { token: as('PARTNER'), variables: { h: world.households.hhA.id } }))).toEqual(['FORBIDDEN']);
    const byVolunteer = await post(server, RECORD, { token: as('VOLUNTEER_V1'), variables: { h: world.households.hhA.id, orgs: [partner.id] } });
    expect(codes(byVolunteer)).toEqual(['FORBIDDEN']);
  });

  describe('consentedOrganizationIds (for matching)', () => {
    it('is an empty set without consent: nothing consented, so every proposal needs consent', async () => {
      const { household } = await aFamily();
      expect(await consentedOrganizationIds(store, household.id, 'MEDICAL')).toEqual(new Set());
    });

    it('is the named organisations when consent names organisations', async () => {
      const { household } = await aFamily();
      await store.create('Consent', aConsent({ householdId: household.id, organizationIds: [partner.id, other.id], categories: [] }));
      expect(await consentedOrganizationIds(store, household.id, 'MEDICAL')).toEqual(new Set([partner.id, other.id]));
    });

    it("is ALL for a category the family consented to, and not for another", async () => {
      const { household } = await aFamily();
      await store.create('Consent', aConsent({ householdId: household.id, organizationIds: [], categories: ['MEDICAL'] }));
      expect(await consentedOrganizationIds(store, household.id, 'MEDICAL')).toBe('ALL');
      expect(await consentedOrganizationIds(store, household.id, 'EDUCATION')).toEqual(new Set());
    });

    it("ignores withdrawn consents, and consents without a guardian's flag for a household with children", async () => {
      const { household } = await aFamily({ memberAgeBands: ['AGE_4_6'] });
      await store.create('Consent', aConsent({ householdId: household.id, organizationIds: [partner.id], categories: [], guardianConsent: false }));
      await store.create('Consent', aConsent({ householdId: household.id, organizationIds: [other.id], categories: [], guardianConsent: true, withdrawnAt: '2025-02-01T00:00:00.000Z' }));
      expect(await consentedOrganizationIds(store, household.id, 'MEDICAL')).toEqual(new Set());
    });
  });
});
