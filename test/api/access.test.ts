import type { GraphStore } from '../../src/store/GraphStore';
import { aHousehold, aNeed } from '../support/builders';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { accessWorld, LOAN_CANARY, post, storeAccessWorld, tokensFor, viewersOf, type RawResponse } from './accessWorld';

/**
 * Issue 6, "who may see what", by example: the README tour, the public
 * directory, scoped lists, and who may call which mutation.
 */
const world = accessWorld();
const { hhA, hhB } = world.households;
const { needA, needA2, needB } = world.needs;

const TOUR = `query Tour($id: ID!) {
  node(id: $id) {
    ... on Household {
      id size village { displayName }
      head { name phone idNumber }
      householdCode markers memberAgeBands disabilityGrade loan { amountYuan }
      needs { nodes { id category urgency description } }
    }
  }
}`;

const codes = (res: RawResponse) => (res.json?.errors ?? []).map((e) => e.extensions?.['code']);
const data = <T>(res: RawResponse) => res.json?.data as T;

describeEachStore('who may see what ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let tokens: Map<string, string | null>;
  const as = (name: string) => tokens.get(name) ?? null;
  const ask = (name: string, query: string, variables?: Record<string, unknown>, purpose?: string) =>
    post(server, query, { token: as(name), ...(variables ? { variables } : {}), ...(purpose ? { purpose } : {}) });

  beforeAll(async () => {
    store = await adapter.open();
    await storeAccessWorld(store, world);
    server = await startTestServer(store);
    tokens = await tokensFor(server, viewersOf(world));
    tokens.set('COORDINATOR_BOTH', await server.token({ sub: 'test-coord-both', role: 'COORDINATOR', townships: [world.townships.t1.id, world.townships.t2.id] }));
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  describe('the README tour: one household query, three viewers', () => {
    type Tour = { node: null | { head: { name: string | null; phone: string | null; idNumber: string | null } | null; householdCode: string | null; markers: string[] | null; memberAgeBands: string[] | null; loan: { amountYuan: number | null } | null; size: number; village: { displayName: string }; needs: { nodes: Array<{ id: string; description: string | null }> } } };

    it('answers a coordinator in scope in full', async () => {
      const res = await ask('COORDINATOR_T1', TOUR, { id: hhA.id });
      expect(res.json?.errors).toBeUndefined();
      const node = data<Tour>(res).node;
      expect(node?.head).toEqual({ name: 'CANARY-NAME-hhA', phone: '+86 139 0000 7301', idNumber: '51012919800101730X' });
      expect(node?.householdCode).toBe('CANARY-HC-hhA');
      expect(node?.markers).toEqual(['DIBAO', 'DISABILITY_CERTIFICATE']);
      expect(node?.loan?.amountYuan).toBe(LOAN_CANARY);
      expect(node?.needs.nodes.map((n) => n.description).sort()).toEqual(['CANARY-DESC-needA', 'CANARY-DESC-needA2']);
    });

    it('answers a coordinator of another township as if the household did not exist', async () => {
      const res = await ask('COORDINATOR_T2', TOUR, { id: hhA.id });
      expect(res.json).toEqual({ data: { node: null } });
      const unknown = await ask('COORDINATOR_T2', TOUR, { id: 'hh_doesnotexist' });
      expect(unknown.json).toEqual(res.json);
    });

    it('answers the partner NGO the household was referred to with only what the referral needs', async () => {
      const res = await ask('PARTNER', TOUR, { id: hhA.id });
      const node = data<Tour>(res).node;
      expect(node?.size).toBe(hhA.size);
      expect(node?.village.displayName).toBe(world.villages.v1.displayName);
      expect(node?.head).toEqual({ name: 'CANARY-NAME-hhA', phone: '+86 139 0000 7301', idNumber: null });
      expect([node?.householdCode, node?.markers, node?.memberAgeBands, node?.loan]).toEqual([null, null, null, null]);
      // Only the referred need, with its description; the family's other need stays hidden.
      expect(node?.needs.nodes).toEqual([expect.objectContaining({ id: needA.id, description: 'CANARY-DESC-needA' })]);
      expect(res.text).not.toContain(needA2.id);
    });

    it('answers a designer as not found: nothing at household level', async () => {
      expect((await ask('DESIGNER', TOUR, { id: hhA.id })).json).toEqual({ data: { node: null } });
    });
  });

  describe('without a token: the public directory only', () => {
    it('lists townships, villages, organisations, services and categories', async () => {
      const res = await ask('ANONYMOUS', '{ townships { totalCount } villages { totalCount } organizations { totalCount } services { totalCount } categories { code } }');
      expect(res.json?.errors).toBeUndefined();
      expect(data<{ organizations: { totalCount: number } }>(res).organizations.totalCount).toBe(Object.keys(world.orgs).length);
    });

    it.each(['people', 'relationships', 'stakeholders', 'households', 'needs', 'referrals'])('refuses %s as UNAUTHENTICATED', async (field) => {
      const res = await ask('ANONYMOUS', `{ ${field} { totalCount } }`);
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    });

    it('finds no person, and no relationship of an organisation, not even their number', async () => {
      const res = await ask('ANONYMOUS', `query($p: ID!, $o: ID!) { node(id: $p) { id } org: node(id: $o) { ... on Organization { name relationships { totalCount nodes { id } } } } }`, {
        p: world.people.liaison.id,
        o: world.orgs.partner.id,
      });
      expect(data<{ node: unknown }>(res).node).toBeNull();
      expect(data<{ org: { relationships: unknown } }>(res).org.relationships).toEqual({ totalCount: 0, nodes: [] });
    });

    it('refuses every mutation as UNAUTHENTICATED', async () => {
      const res = await ask('ANONYMOUS', 'mutation { _ping }');
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('lists are restricted to the viewer scope', () => {
    type Ids = { nodes: Array<{ id: string }>; totalCount: number };
    const ids = (res: RawResponse, field: string) => (data<Record<string, Ids>>(res)[field]?.nodes ?? []).map((n) => n.id).sort();

    it("gives a coordinator its township's households, totalCount included", async () => {
      const res = await ask('COORDINATOR_T1', '{ households(first: 100) { totalCount nodes { id } } }');
      expect(ids(res, 'households')).toEqual([hhA.id]);
      expect(data<{ households: Ids }>(res).households.totalCount).toBe(1);
    });

    it('answers a filter outside the scope with an empty page', async () => {
      const res = await ask('COORDINATOR_T1', 'query($v: ID!) { households(filter: { villageId: $v }) { totalCount nodes { id } } }', { v: world.villages.v3.id });
      expect(data<{ households: Ids }>(res).households).toEqual({ totalCount: 0, nodes: [] });
    });

    it('pages a coordinator of two townships through both, without gaps or repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res = await ask('COORDINATOR_BOTH', 'query($after: String) { households(first: 1, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }', { after });
        const page = data<{ households: Ids & { pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(res).households;
        expect(page.totalCount).toBe(2);
        seen.push(...page.nodes.map((n) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen.sort()).toEqual([hhA.id, hhB.id].sort());
    });

    it("gives a social worker its villages' needs", async () => {
      const res = await ask('SOCIAL_WORKER_V1', '{ needs(first: 100) { nodes { id } } }');
      expect(ids(res, 'needs')).toEqual([needA.id, needA2.id].sort());
    });

    it('gives a partner NGO the referrals addressed to it, and nothing for another organisation', async () => {
      expect(ids(await ask('PARTNER', '{ referrals { nodes { id } } }'), 'referrals')).toEqual([world.referrals.refA.id]);
      const other = await ask('PARTNER', 'query($o: ID!) { referrals(filter: { organizationId: $o }) { totalCount } }', { o: world.orgs.other.id });
      expect(data<{ referrals: Ids }>(other).referrals.totalCount).toBe(0);
    });

    it('gives a coordinator the referrals and help recorded in its township', async () => {
      expect(ids(await ask('COORDINATOR_T2', '{ referrals { nodes { id } } }'), 'referrals')).toEqual([world.referrals.refB.id]);
      expect(ids(await ask('COORDINATOR_T2', '{ assistances { nodes { id } } }'), 'assistances')).toEqual([world.assistances.astB.id]);
      const overdue = await ask('COORDINATOR_T2', '{ overdueReferrals { nodes { referral { id } } } }');
      expect(data<{ overdueReferrals: { nodes: Array<{ referral: { id: string } }> } }>(overdue).overdueReferrals.nodes.map((n) => n.referral.id)).toEqual([world.referrals.refB.id]);
    });

    it('refuses household lists to a designer, and the vulnerability ranking to a volunteer (FORBIDDEN)', async () => {
      expect(codes(await ask('DESIGNER', '{ households { totalCount } }'))).toEqual(['FORBIDDEN']);
      expect(codes(await ask('VOLUNTEER_V1', '{ mostVulnerableHouseholds { id } }'))).toEqual(['FORBIDDEN']);
    });

    it('ranks only the households of its scope for a social worker', async () => {
      const ranked = await ask('SOCIAL_WORKER_V1', '{ mostVulnerableHouseholds { id } }');
      expect(ranked.json?.errors).toBeUndefined();
      const ids = data<{ mostVulnerableHouseholds: Array<{ id: string }> }>(ranked).mostVulnerableHouseholds.map((h) => h.id);
      expect(ids).toContain(hhA.id);
      expect(ids).not.toContain(hhB.id);
    });
  });

  describe('who may change what', () => {
    const REGISTER = 'mutation($v: ID!) { registerHousehold(input: { villageId: $v, size: 2, head: { name: "新户 (synthetic)" } }) { id } }';
    const RECORD_NEED = 'mutation($h: ID!) { recordNeed(input: { householdId: $h, category: "MEDICAL", urgency: LOW, description: "synthetic" }) { id } }';

    it('lets staff register households only in their own villages', async () => {
      expect(codes(await ask('COORDINATOR_T1', REGISTER, { v: world.villages.v2.id }))).toEqual([]);
      expect(codes(await ask('COORDINATOR_T1', REGISTER, { v: world.villages.v3.id }))).toEqual(['FORBIDDEN']);
      expect(codes(await ask('VOLUNTEER_V1', REGISTER, { v: world.villages.v1.id }))).toEqual(['FORBIDDEN']);
    });

    it('lets a volunteer record a need in its village; one elsewhere behaves as not found', async () => {
      expect(codes(await ask('VOLUNTEER_V1', RECORD_NEED, { h: hhA.id }))).toEqual([]);
      expect(codes(await ask('VOLUNTEER_V1', RECORD_NEED, { h: hhB.id }))).toEqual(['NOT_FOUND']);
    });

    it('refuses to update a household out of scope (NOT_FOUND), or to move one out of scope (FORBIDDEN)', async () => {
      const update = 'mutation($id: ID!, $v: ID) { updateHousehold(id: $id, input: { size: 5, villageId: $v }) { id } }';
      expect(codes(await ask('COORDINATOR_T2', update, { id: hhA.id }))).toEqual(['NOT_FOUND']);
      expect(codes(await ask('SOCIAL_WORKER_V1', update, { id: hhA.id, v: world.villages.v3.id }))).toEqual(['FORBIDDEN']);
    });

    it('lets a designer link stakeholders BUILDING or PROSPECTIVE (never ESTABLISHED) and add a prospective organisation (issue 12 item 3)', async () => {
      const link = 'mutation($f: ID!, $t: ID!, $s: RelationshipStatus!) { linkStakeholders(input: { fromId: $f, toId: $t, type: WORKS_WITH, status: $s }) { id } }';
      expect(codes(await ask('DESIGNER', link, { f: world.orgs.other.id, t: world.orgs.partner.id, s: 'PROSPECTIVE' }))).toEqual([]);
      expect(codes(await ask('DESIGNER', link, { f: world.orgs.other.id, t: world.orgs.partner.id, s: 'ESTABLISHED' }))).toEqual(['FORBIDDEN']);
      expect(codes(await ask('DESIGNER', 'mutation { addOrganization(input: { name: "设计 (synthetic)", kind: NGO }) { id } }'))).toEqual([]);
    });

    it('lets a partner NGO move its own referral along, but not cancel it, nor touch another organisation’s', async () => {
      const household = aHousehold({ villageId: world.villages.v2.id, memberAgeBands: ['AGE_18_59'] });
      const need = aNeed({ householdId: household.id, category: 'MEDICAL' });
      await store.upsertMany('Household', [household]);
      await store.upsertMany('Need', [need]);
      await store.create('Consent', { ...world.consents.cnsA, id: 'cns_partnerflow', householdId: household.id, guardianConsent: false });
      const created = await ask('COORDINATOR_T1', 'mutation($n: ID!, $s: ID!) { createReferral(input: { needId: $n, serviceId: $s, idempotencyKey: "partner-flow-1" }) { referral { id } } }', {
        n: need.id,
        s: world.services.partnerMedical.id,
      });
      const referralId = data<{ createReferral: { referral: { id: string } } }>(created).createReferral.referral.id;
      const move = 'mutation($r: ID!, $s: ReferralStatus!, $why: ReferralReason) { updateReferralStatus(input: { referralId: $r, status: $s, reason: $why }) { status } }';
      expect(codes(await ask('PARTNER_OTHER', move, { r: referralId, s: 'ACCEPTED' }))).toEqual(['NOT_FOUND']);
      expect(codes(await ask('PARTNER', move, { r: referralId, s: 'CANCELLED', why: 'OTHER' }))).toEqual(['FORBIDDEN']);
      const accepted = await ask('PARTNER', move, { r: referralId, s: 'ACCEPTED' });
      expect(data<{ updateReferralStatus: { status: string } }>(accepted).updateReferralStatus.status).toBe('ACCEPTED');
    });

    it('refuses needs of another household to createReferral as not found', async () => {
      const res = await ask('SOCIAL_WORKER_V1', 'mutation($n: ID!, $s: ID!) { createReferral(input: { needId: $n, serviceId: $s, idempotencyKey: "sw-out-of-scope" }) { created } }', {
        n: needB.id,
        s: world.services.otherMedical.id,
      });
      expect(codes(res)).toEqual(['NOT_FOUND']);
    });
  });

  describe('the declared purpose', () => {
    it('refuses an unknown purpose (400) and one the role may not claim (403), before any work', async () => {
      const unknown = await ask('COORDINATOR_T1', '{ categories { code } }', undefined, 'CURIOSITY');
      expect([unknown.status, codes(unknown)]).toEqual([400, ['BAD_USER_INPUT']]);
      const claimed = await ask('DESIGNER', '{ categories { code } }', undefined, 'CASE_MANAGEMENT');
      expect([claimed.status, codes(claimed)]).toEqual([403, ['FORBIDDEN']]);
    });

    it('hides every personal field under REPORTING, even from an ADMIN', async () => {
      const res = await ask('ADMIN', TOUR, { id: hhA.id }, 'REPORTING');
      expect(res.text).not.toContain('CANARY');
      expect(data<{ node: { head: unknown; size: number } }>(res).node).toEqual(expect.objectContaining({ head: null, size: hhA.size }));
    });
  });
});
