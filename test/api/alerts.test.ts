import { randomUUID } from 'node:crypto';
import { seedStore } from '../../src/seed/seedStore';
import { scanOverdueReferrals } from '../../src/services/alerts/scanOverdueReferrals';
import { createWebhookAlertSink, webhookSignature } from '../../src/services/alerts/webhookAlertSink';
import type { GraphStore } from '../../src/store/GraphStore';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

/**
 * Issue 15 item 5 over HTTP: a referral going overdue is pushed — to the
 * coordinators of its township (myAlerts, read marks per reader) and, once, to
 * the webhook — and the webhook carries ids and the kind only. The household,
 * need and referral below are synthetic; the words in them are what must never
 * leave through the webhook.
 */
const TOWNSHIP = 'twp_510129001000';
const VILLAGE = 'vil_510129001002';
const SERVICE = 'svc_station-510129001000-social-work';
const SECRET = 'synthetic-webhook-secret-at-least-32-chars';
const SENSITIVE = {
  name: '合成户主甲（synthetic）',
  phone: '13800009999',
  need: '合成：糖尿病足溃烂，需要上门换药',
  note: '合成：家属要求保密的备注',
  override: '合成：电话口头同意，户主行动不便',
};
const ALERTS = 'query($unread: Boolean) { myAlerts(first: 10, unreadOnly: $unread) { totalCount unreadCount nodes { id kind referralId urgency limitHours read referral { id status } } } }';
const MARK = 'mutation($ids: [ID!]!) { markAlertsRead(ids: $ids) { id read } }';

type AlertsResponse = { myAlerts: { totalCount: number; unreadCount: number; nodes: Array<{ id: string; kind: string; referralId: string; urgency: string; limitHours: number; read: boolean; referral: { id: string; status: string } | null }> } };

describeEachStore('pushed overdue alerts ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let receiver: WebhookReceiver;
  let referralId: string;
  const tokens: Record<string, string> = {};
  const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.['code'];

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 30, seed: 15 });
    server = await startTestServer(store);
    receiver = await startWebhookReceiver([200]);
    tokens['COORDINATOR'] = await server.token({ sub: 'acc_coordinator-one', role: 'COORDINATOR', townships: [TOWNSHIP] });
    tokens['COORDINATOR_TWO'] = await server.token({ sub: 'acc_coordinator-two', role: 'COORDINATOR', townships: [TOWNSHIP] });
    tokens['OTHER_COORDINATOR'] = await server.token({ sub: 'acc_coordinator-far', role: 'COORDINATOR', townships: ['twp_510129101000'] });
    tokens['ADMIN'] = await server.token({ sub: 'acc_admin', role: 'ADMIN' });
    tokens['SOCIAL_WORKER'] = await server.token({ sub: 'acc_sw', role: 'SOCIAL_WORKER', villages: [VILLAGE] });
    tokens['PARTNER_NGO'] = await server.token({ sub: 'acc_ngo', role: 'PARTNER_NGO', org: 'org_station-510129001000' });
    tokens['DESIGNER'] = await server.token({ sub: 'acc_designer', role: 'DESIGNER' });

    const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const res = await server.gql<T>(query, variables, tokens['COORDINATOR']);
      expect(res.errors).toBeUndefined();
      return res.data as T;
    };
    const household = await gql<{ registerHousehold: { id: string } }>('mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }', {
      input: { villageId: VILLAGE, size: 1, memberAgeBands: ['AGE_80_PLUS'], markers: ['SERIOUS_ILLNESS'], head: { name: SENSITIVE.name, phone: SENSITIVE.phone } },
    });
    const need = await gql<{ recordNeed: { id: string } }>('mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }', {
      input: { householdId: household.registerHousehold.id, category: 'ELDERLY_CARE', urgency: 'CRITICAL', description: SENSITIVE.need },
    });
    const referral = await gql<{ createReferral: { referral: { id: string } } }>('mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }', {
      input: { needId: need.recordNeed.id, serviceId: SERVICE, idempotencyKey: randomUUID(), note: SENSITIVE.note, consentOverrideReason: SENSITIVE.override },
    });
    referralId = referral.createReferral.referral.id;
  });
  afterAll(async () => {
    await receiver.close();
    await server.stop();
    await adapter.close(store);
  });

  // The scan as the API process runs it, with the clock moved past the CRITICAL limit (24 h).
  const scanAt = (hoursFromNow: number) =>
    scanOverdueReferrals({ store, now: () => new Date(Date.now() + hoursFromNow * 3_600_000) }, [
      createWebhookAlertSink({ url: receiver.url, secret: SECRET, sleep: async () => undefined }),
    ]);

  it('raises nothing before the limit, then one alert, sent once to the webhook however often the scan runs', async () => {
    expect((await scanAt(23)).created).toEqual([]);
    expect(receiver.received).toHaveLength(0);
    const [first, second] = await Promise.all([scanAt(25), scanAt(25)]);
    expect(first.created.length + second.created.length).toBe(1);
    await scanAt(26);
    expect(receiver.received).toHaveLength(1);
  });

  it('sends ids and the kind only, signed: no name, phone, need, note, category or consent reason leaves', () => {
    const [hook] = receiver.received;
    const body = JSON.parse(hook!.body) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['dueAt', 'id', 'kind', 'occurredAt', 'organizationId', 'referralId', 'serviceId', 'townshipId', 'villageId']);
    expect(body).toMatchObject({ kind: 'REFERRAL_OVERDUE', referralId, serviceId: SERVICE, townshipId: TOWNSHIP, villageId: VILLAGE });
    for (const value of [...Object.values(SENSITIVE), 'ELDERLY_CARE', 'CRITICAL', 'SERIOUS_ILLNESS']) expect(hook!.body).not.toContain(value);
    expect(hook!.headers['x-huzhu-signature']).toBe(webhookSignature(SECRET, String(hook!.headers['x-huzhu-timestamp']), hook!.body));
  });

  it("tells the referral's township coordinators, with the referral to open", async () => {
    const res = await server.gql<AlertsResponse>(ALERTS, {}, tokens['COORDINATOR']);
    expect(res.errors).toBeUndefined();
    expect(res.data!.myAlerts).toMatchObject({ totalCount: 1, unreadCount: 1 });
    expect(res.data!.myAlerts.nodes).toEqual([
      { id: expect.stringMatching(/^alt_/), kind: 'REFERRAL_OVERDUE', referralId, urgency: 'CRITICAL', limitHours: 24, read: false, referral: { id: referralId, status: 'SENT' } },
    ]);
    const admin = await server.gql<AlertsResponse>(ALERTS, {}, tokens['ADMIN']);
    expect(admin.data!.myAlerts.totalCount).toBe(1);
  });

  it("does not tell another township's coordinator, nor let it mark the alert read", async () => {
    const own = await server.gql<AlertsResponse>(ALERTS, {}, tokens['COORDINATOR']);
    const alertId = own.data!.myAlerts.nodes[0]!.id;
    const far = await server.gql<AlertsResponse>(ALERTS, {}, tokens['OTHER_COORDINATOR']);
    expect(far.data!.myAlerts).toMatchObject({ totalCount: 0, unreadCount: 0, nodes: [] });
    const mark = await server.gql<{ markAlertsRead: unknown[] }>(MARK, { ids: [alertId] }, tokens['OTHER_COORDINATOR']);
    expect(mark.data!.markAlertsRead).toEqual([]);
    const [stored] = await store.getAlerts([alertId]);
    expect(stored!.readBy).toEqual([]);
  });

  it('keeps read marks per coordinator: one marks it read, the other still sees it unread', async () => {
    const own = await server.gql<AlertsResponse>(ALERTS, {}, tokens['COORDINATOR']);
    const alertId = own.data!.myAlerts.nodes[0]!.id;
    const mark = await server.gql<{ markAlertsRead: Array<{ id: string; read: boolean }> }>(MARK, { ids: [alertId] }, tokens['COORDINATOR']);
    expect(mark.data!.markAlertsRead).toEqual([{ id: alertId, read: true }]);
    const after = await server.gql<AlertsResponse>(ALERTS, { unread: true }, tokens['COORDINATOR']);
    expect(after.data!.myAlerts).toMatchObject({ totalCount: 0, unreadCount: 0 });
    const colleague = await server.gql<AlertsResponse>(ALERTS, { unread: true }, tokens['COORDINATOR_TWO']);
    expect(colleague.data!.myAlerts).toMatchObject({ totalCount: 1, unreadCount: 1 });
  });

  it.each(['SOCIAL_WORKER', 'PARTNER_NGO', 'DESIGNER'])('refuses myAlerts and markAlertsRead to a %s (FORBIDDEN)', async (role) => {
    expect(codeOf(await server.gql(ALERTS, {}, tokens[role]))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(MARK, { ids: ['alt_20261201120000000_00000000'] }, tokens[role]))).toBe('FORBIDDEN');
  });

  it('asks an anonymous caller to sign in', async () => {
    expect(codeOf(await server.gql(ALERTS, {}))).toBe('UNAUTHENTICATED');
  });

  it('writes no household data to the logs while scanning and answering', () => {
    const logs = server.logs.join('\n');
    for (const value of Object.values(SENSITIVE)) expect(logs).not.toContain(value);
  });
});
