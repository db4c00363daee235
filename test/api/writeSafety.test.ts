/**
 * Writes over HTTP, on both stores (issue 10 items 2, 5 and 7): a refusal
 * reveals only what the caller may read and writes nothing, a retried
 * mutation with the same idempotency key writes once, and the actor recorded
 * on a write is the token's subject whatever its shape. Every record here is
 * synthetic (the seeded Dayi network with synthetic households).
 */
import type { Household, Need, Service } from '../../src/domain/model';
import type { GraphStore } from '../../src/store/GraphStore';
import { seedStore } from '../../src/seed/seedStore';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type GqlResponse, type TestServer } from '../support/testServer';

const JINYUAN = 'twp_510129001000'; // 晋原街道
const IN_JINYUAN = 'vil_510129001002';

const REGISTER = 'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }';
const RECORD_NEED = 'mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }';
const CREATE_REFERRAL =
  'mutation($input: CreateReferralInput!) { createReferral(input: $input) { created referral { id status transitions { actorId } } } }';
const UPDATE_REFERRAL = 'mutation($input: UpdateReferralStatusInput!) { updateReferralStatus(input: $input) { id status transitions { status actorId } } }';
const RECORD_ASSISTANCE = 'mutation($input: RecordAssistanceInput!) { recordAssistance(input: $input) { id actorId } }';
const RECORD_CONSENT = 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }';

const household = (overrides: Record<string, unknown> = {}) => ({
  villageId: IN_JINYUAN,
  size: 3,
  memberAgeBands: ['AGE_60_79'],
  markers: ['DIBAO'],
  head: { name: '测试户主（合成）', phone: '138-0000-0001' },
  ...overrides,
});

/** Token subjects that are not id-shaped: the token CLI's default, free text, and the longest a token may carry. */
const ODD_SUBJECTS: Array<[string, string]> = [
  ['the token CLI default', 'local-coordinator'],
  ['free text', 'operator 王 (synthetic)'],
  ['200 characters, the most a token carries', 's'.repeat(200)],
];

describeEachStore('writes over HTTP ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let admin: string;
  let coordinator: string;
  let elsewhere: Household;

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 60, seed: 7 });
    server = await startTestServer(store);
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
    coordinator = await server.token({ sub: 'test-coordinator', role: 'COORDINATOR', townships: [JINYUAN] });
    const all = (await store.list('Household', {}, { first: 100 })).items;
    const villages = await store.getMany('Village', [...new Set(all.map((h) => h.villageId))]);
    const township = new Map(villages.map((v) => [v?.id, v?.townshipId]));
    const found = all.find((h) => h.householdCode !== null && township.get(h.villageId) !== JINYUAN);
    if (!found) throw new Error('writeSafety: the seed has no coded household outside 晋原街道');
    elsewhere = found;
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  const count = async (kind: 'Household' | 'Need' | 'Assistance' | 'Referral') => (await store.list(kind, {}, { first: 1 })).totalCount;
  const errorOf = (res: GqlResponse) => {
    const error = res.errors?.[0];
    if (!error) throw new Error(`expected an error, got ${JSON.stringify(res.data)}`);
    return error;
  };

  /** An OPEN need in 晋原街道 and an active service with room that offers its category (made when the seed has none). */
  async function openNeedAndService(token = admin): Promise<{ need: Need; service: Service }> {
    const res = await server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input: household() }, token);
    const householdId = res.data!.registerHousehold.id;
    const services = (await store.list('Service', { status: 'ACTIVE' }, { first: 100 })).items;
    const service = services.find((s) => s.capacity === null || s.capacity - s.activeReferrals > 5);
    if (!service) throw new Error('writeSafety: no active service with room in the seed');
    const need = await server.gql<{ recordNeed: { id: string } }>(RECORD_NEED, { input: { householdId, category: service.categories[0], urgency: 'HIGH' } }, token);
    const [stored] = await store.getMany('Need', [need.data!.recordNeed.id]);
    if (!stored) throw new Error(`writeSafety: recordNeed failed: ${JSON.stringify(need.errors)}`);
    return { need: stored, service };
  }

  async function referral(token = admin): Promise<{ referralId: string; needId: string }> {
    const { need, service } = await openNeedAndService();
    const res = await server.gql<{ createReferral: { referral: { id: string } } }>(
      CREATE_REFERRAL,
      { input: { needId: need.id, serviceId: service.id, idempotencyKey: `ref-${need.id}`, consentOverrideReason: '合成测试：家属口头同意（synthetic）' } },
      token,
    );
    if (!res.data) throw new Error(`writeSafety: createReferral failed: ${JSON.stringify(res.errors)}`);
    return { referralId: res.data.createReferral.referral.id, needId: need.id };
  }

  // -- item 2 -------------------------------------------------------------------------

  describe('a refused registration reveals nothing the caller may not read and writes nothing', () => {
    it("answers a code held in another township with CONFLICT, without that household's id and without the code", async () => {
      const households = await count('Household');
      const res = await server.gql(REGISTER, { input: household({ householdCode: elsewhere.householdCode }) }, coordinator);
      const error = errorOf(res);
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', fieldPath: ['input', 'householdCode'] });
      expect(error.extensions).not.toHaveProperty('existingId');
      expect(JSON.stringify(res)).not.toContain(elsewhere.id);
      expect(error.message).not.toContain(elsewhere.householdCode as string);
      expect(await count('Household')).toBe(households);
      expect(await store.findHouseholdByCode(elsewhere.householdCode as string)).toEqual(elsewhere);
    });

    it('audits the attempt (the paths asked for, no values) but creates no household', async () => {
      const before = await store.list('AuditEvent', { actorId: 'test-coordinator', action: 'WRITE' }, { first: 100 });
      await server.gql(REGISTER, { input: household({ householdCode: elsewhere.householdCode }) }, coordinator);
      const after = await store.list('AuditEvent', { actorId: 'test-coordinator', action: 'WRITE' }, { first: 100 });
      const added = after.items.filter((e) => !before.items.some((b) => b.id === e.id));
      expect(added).toHaveLength(1);
      expect(added[0]?.fields).toContain('mutation:registerHousehold');
      expect(JSON.stringify(added)).not.toContain(elsewhere.householdCode as string);
    });

    it('names the existing household to a caller who may read it', async () => {
      const first = await server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input: household({ householdCode: 'HH-SAFETY-0001' }) }, coordinator);
      const second = await server.gql(REGISTER, { input: household({ householdCode: 'HH-SAFETY-0001' }) }, coordinator);
      expect(errorOf(second).extensions).toMatchObject({ code: 'CONFLICT', existingId: first.data!.registerHousehold.id });
      expect(errorOf(second).message).not.toContain('HH-SAFETY-0001');
    });

    it('hides the holder of a taken code on updateHousehold too, when it is out of scope', async () => {
      const mine = await server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input: household() }, coordinator);
      const res = await server.gql(
        'mutation($id: ID!, $input: UpdateHouseholdInput!) { updateHousehold(id: $id, input: $input) { id } }',
        { id: mine.data!.registerHousehold.id, input: { householdCode: elsewhere.householdCode } },
        coordinator,
      );
      expect(errorOf(res).extensions).toMatchObject({ code: 'CONFLICT' });
      expect(JSON.stringify(res)).not.toContain(elsewhere.id);
    });
  });

  // -- item 5 -------------------------------------------------------------------------

  describe('idempotency keys: a retried mutation writes once', () => {
    it('registerHousehold: the same key twice returns the first household; other input with it is CONFLICT', async () => {
      const input = household({ idempotencyKey: 'idem-register-0001' });
      const first = await server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input }, admin);
      const households = await count('Household');
      const again = await server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input }, admin);
      expect(again.data!.registerHousehold.id).toBe(first.data!.registerHousehold.id);
      expect(await count('Household')).toBe(households);
      const other = await server.gql(REGISTER, { input: { ...input, size: 5 } }, admin);
      expect(errorOf(other).extensions).toMatchObject({ code: 'CONFLICT', fieldPath: ['input', 'idempotencyKey'] });
      expect(errorOf(other).message).toMatch(/^input\.idempotencyKey: /);
      expect(await count('Household')).toBe(households);
    });

    it('registerHousehold: 8 concurrent calls with one key register one household and all answer with it', async () => {
      const households = await count('Household');
      const input = household({ idempotencyKey: 'idem-register-race' });
      const results = await Promise.all(Array.from({ length: 8 }, () => server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input }, admin)));
      expect(results.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
      expect(new Set(results.map((r) => r.data!.registerHousehold.id)).size).toBe(1);
      expect(await count('Household')).toBe(households + 1);
    });

    it('recordNeed: the same key twice records one need', async () => {
      const { need } = await openNeedAndService();
      const input = { householdId: need.householdId, category: need.category, urgency: 'LOW', idempotencyKey: 'idem-need-0001' };
      const first = await server.gql<{ recordNeed: { id: string } }>(RECORD_NEED, { input }, admin);
      const needs = await count('Need');
      const again = await server.gql<{ recordNeed: { id: string } }>(RECORD_NEED, { input }, admin);
      expect(again.data!.recordNeed.id).toBe(first.data!.recordNeed.id);
      expect(await count('Need')).toBe(needs);
    });

    it('recordAssistance: the same key twice records the help once', async () => {
      const { need } = await openNeedAndService();
      const input = { needId: need.id, action: '上门送药（合成）', outcome: 'HELPED', idempotencyKey: 'idem-assist-0001' };
      const first = await server.gql<{ recordAssistance: { id: string } }>(RECORD_ASSISTANCE, { input }, admin);
      const help = await count('Assistance');
      const again = await server.gql<{ recordAssistance: { id: string } }>(RECORD_ASSISTANCE, { input }, admin);
      expect(again.data!.recordAssistance.id).toBe(first.data!.recordAssistance.id);
      expect(await count('Assistance')).toBe(help);
    });

    it('updateReferralStatus: a retry after the step was taken returns the referral instead of INVALID_TRANSITION', async () => {
      const { referralId } = await referral();
      const input = { referralId, status: 'ACCEPTED', idempotencyKey: 'idem-accept-0001' };
      const first = await server.gql<{ updateReferralStatus: { status: string; transitions: unknown[] } }>(UPDATE_REFERRAL, { input }, admin);
      expect(first.data!.updateReferralStatus).toMatchObject({ status: 'ACCEPTED', transitions: [{}, {}] });
      const again = await server.gql<{ updateReferralStatus: { status: string; transitions: unknown[] } }>(UPDATE_REFERRAL, { input }, admin);
      expect(again.errors).toBeUndefined();
      expect(again.data!.updateReferralStatus.transitions).toHaveLength(2);
      const other = await server.gql(UPDATE_REFERRAL, { input: { ...input, status: 'IN_PROGRESS' } }, admin);
      expect(errorOf(other).extensions).toMatchObject({ code: 'CONFLICT', fieldPath: ['input', 'idempotencyKey'] });
      expect((await store.getMany('Referral', [referralId]))[0]?.transitions).toHaveLength(2);
    });

    it('refuses a key shorter than 8 characters with BAD_USER_INPUT at input.idempotencyKey', async () => {
      const res = await server.gql(REGISTER, { input: household({ idempotencyKey: 'short' }) }, admin);
      expect(errorOf(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['input', 'idempotencyKey'] });
    });
  });

  // -- item 7 -------------------------------------------------------------------------

  describe.each(ODD_SUBJECTS)('a token whose subject is not id-shaped (%s)', (_label, subject) => {
    let token: string;
    beforeAll(async () => {
      token = await server.token({ sub: subject, role: 'ADMIN' });
    });

    it('registers a household and records a need, audited under the subject', async () => {
      const { need } = await openNeedAndService(token);
      expect(need.status).toBe('OPEN');
      const audit = await store.list('AuditEvent', { actorId: subject, action: 'WRITE' }, { first: 100 });
      expect(audit.items.map((e) => e.fields[0])).toEqual(expect.arrayContaining(['mutation:registerHousehold', 'mutation:recordNeed']));
    });

    it('creates a referral, moves it and records help through it, each step recording the subject as the actor', async () => {
      const { referralId, needId } = await referral(token);
      const moved = await server.gql<{ updateReferralStatus: { transitions: Array<{ actorId: string }> } }>(
        UPDATE_REFERRAL,
        { input: { referralId, status: 'ACCEPTED' } },
        token,
      );
      expect(moved.errors).toBeUndefined();
      expect(moved.data!.updateReferralStatus.transitions.map((t) => t.actorId)).toEqual([subject, subject]);
      const help = await server.gql<{ recordAssistance: { actorId: string } }>(
        RECORD_ASSISTANCE,
        { input: { needId, referralId, action: '电话回访（合成）', outcome: 'FOLLOW_UP_NEEDED' } },
        token,
      );
      expect(help.errors).toBeUndefined();
      expect(help.data!.recordAssistance.actorId).toBe(subject);
    });

    it('records a consent with the subject as recordedBy', async () => {
      const res = await server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input: household() }, token);
      const consent = await server.gql<{ recordConsent: { id: string } }>(
        RECORD_CONSENT,
        { input: { householdId: res.data!.registerHousehold.id, categories: ['MEDICAL'] } },
        token,
      );
      expect(consent.errors).toBeUndefined();
      expect((await store.getMany('Consent', [consent.data!.recordConsent.id]))[0]?.recordedBy).toBe(subject);
    });
  });
});
