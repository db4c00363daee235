import { getNamedType, isInputObjectType, type GraphQLObjectType } from 'graphql';
import type { AuditEvent } from '../../src/domain/model';
import type { GraphStore } from '../../src/store/GraphStore';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { accessWorld, post, spyOn, storeAccessWorld, tokensFor, viewersOf, type RawResponse, type SpyStore } from './accessWorld';
import { sdlSchema } from './accessQueries';

/**
 * Issue 6, the audit trail: every read of a household's sensitive fields and
 * every write leaves an event (who, role, what, when, purpose, correlation
 * id) in the store before the data is released or changed; if the event
 * cannot be stored, the operation fails; ADMIN may read the trail; nothing
 * in the API can change it.
 */
const world = accessWorld();
const { hhA } = world.households;
const HEAD = 'query($id: ID!) { node(id: $id) { ... on Household { size head { name phone } } } }';
const AUDIT = 'query($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) { totalCount nodes { actorId role action entityKind entityId fields purpose correlationId } } }';

const codes = (res: RawResponse) => (res.json?.errors ?? []).map((e) => e.extensions?.['code']);

describeEachStore('the audit trail ($name store)', (adapter) => {
  let store: GraphStore;
  let spy: SpyStore;
  let server: TestServer;
  let tokens: Map<string, string | null>;
  const as = (name: string) => tokens.get(name) ?? null;
  const eventsFor = async (filter: Record<string, string>): Promise<AuditEvent[]> => {
    const res = await post(server, AUDIT, { token: as('ADMIN'), variables: { filter } });
    expect(res.json?.errors).toBeUndefined();
    return (res.json?.data as { auditEvents: { nodes: AuditEvent[] } }).auditEvents.nodes;
  };

  beforeAll(async () => {
    store = await adapter.open();
    await storeAccessWorld(store, world);
    spy = spyOn(store);
    server = await startTestServer(spy.store);
    tokens = await tokensFor(server, viewersOf(world));
  });
  afterEach(() => {
    spy.failAudit = false;
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  it('records a sensitive read: who, role, which record and fields, purpose, correlation id', async () => {
    const res = await post(server, HEAD, { token: as('COORDINATOR_T1'), variables: { id: hhA.id }, headers: { 'x-request-id': 'audit-read-0001' } });
    expect(res.text).toContain('CANARY-NAME-hhA');
    const events = (await eventsFor({ actorId: 'test-coord-t1', entityId: hhA.id })).filter((e) => e.correlationId === 'audit-read-0001');
    expect(events).toEqual([
      {
        actorId: 'test-coord-t1',
        role: 'COORDINATOR',
        action: 'READ_SENSITIVE',
        entityKind: 'Household',
        entityId: hhA.id,
        fields: ['Household.head', 'HouseholdHead.name', 'HouseholdHead.phone'],
        purpose: 'CASE_MANAGEMENT',
        correlationId: 'audit-read-0001',
      },
    ]);
  });

  it('records nothing for a read of non-sensitive fields, or of fields that were withheld', async () => {
    await post(server, 'query($id: ID!) { node(id: $id) { ... on Household { size village { name } } } }', { token: as('COORDINATOR_T1'), variables: { id: hhA.id }, headers: { 'x-request-id': 'audit-plain-0001' } });
    await post(server, HEAD, { token: as('COORDINATOR_T1'), variables: { id: hhA.id }, purpose: 'REPORTING', headers: { 'x-request-id': 'audit-reporting-01' } });
    const events = await eventsFor({ entityId: hhA.id });
    expect(events.filter((e) => e.correlationId === 'audit-plain-0001' || e.correlationId === 'audit-reporting-01')).toEqual([]);
  });

  it('withholds the field and fails the read when the audit event cannot be stored', async () => {
    spy.failAudit = true;
    const res = await post(server, HEAD, { token: as('COORDINATOR_T1'), variables: { id: hhA.id } });
    expect(res.text).not.toContain('CANARY-NAME-hhA');
    expect(res.text).not.toContain('+86 139 0000 7301');
    expect(codes(res)).toContain('UNAVAILABLE');
    expect((res.json?.data as { node: { head: unknown } }).node.head).toBeNull();
  });

  it('records a write before it runs, with argument paths but no values', async () => {
    spy.calls.length = 0;
    const res = await post(server, 'mutation($h: ID!) { recordNeed(input: { householdId: $h, category: "MEDICAL", urgency: HIGH, description: "CANARY-DESC-written" }) { id } }', {
      token: as('SOCIAL_WORKER_V1'),
      variables: { h: hhA.id },
      headers: { 'x-request-id': 'audit-write-0001' },
    });
    expect(res.json?.errors).toBeUndefined();
    expect(spy.calls.indexOf('appendAudit')).toBeGreaterThanOrEqual(0);
    expect(spy.calls.indexOf('appendAudit')).toBeLessThan(spy.calls.indexOf('create'));
    const [event] = (await eventsFor({ action: 'WRITE', actorId: 'test-sw-v1' })).filter((e) => e.correlationId === 'audit-write-0001');
    expect(event).toEqual(
      expect.objectContaining({ role: 'SOCIAL_WORKER', entityKind: 'Household', entityId: hhA.id, purpose: 'CASE_MANAGEMENT' }),
    );
    expect(event?.fields).toEqual(['mutation:recordNeed', 'input.category', 'input.description', 'input.householdId', 'input.urgency']);
    expect(JSON.stringify(event)).not.toContain('CANARY');
  });

  it('fails a write, and writes nothing, when its audit event cannot be stored', async () => {
    const before = (await store.list('Need', { householdId: hhA.id }, { first: 100 })).totalCount;
    spy.failAudit = true;
    const res = await post(server, 'mutation($h: ID!) { recordNeed(input: { householdId: $h, category: "MEDICAL", urgency: LOW }) { id } }', {
      token: as('SOCIAL_WORKER_V1'),
      variables: { h: hhA.id },
    });
    expect(codes(res)).toEqual(['UNAVAILABLE']);
    expect((await store.list('Need', { householdId: hhA.id }, { first: 100 })).totalCount).toBe(before);
  });

  it('lets only an ADMIN read the trail', async () => {
    for (const name of ['COORDINATOR_T1', 'SOCIAL_WORKER_V1', 'PARTNER', 'DESIGNER']) {
      expect(codes(await post(server, AUDIT, { token: as(name) }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await post(server, AUDIT))).toEqual(['UNAUTHENTICATED']);
    const seeded = await post(server, 'query($id: ID!) { node(id: $id) { id } }', { token: as('COORDINATOR_T1'), variables: { id: world.audit.audA.id } });
    expect(seeded.json?.data).toEqual({ node: null });
  });

  it('offers no operation that changes the trail', async () => {
    const schema = sdlSchema();
    const mutation = schema.getMutationType() as GraphQLObjectType;
    const touchesAudit = Object.values(mutation.getFields()).filter(
      (f) => /audit/i.test(f.name) || getNamedType(f.type).name === 'AuditEvent' || f.args.some((a) => /audit/i.test(getNamedType(a.type).name)),
    );
    expect(touchesAudit.map((f) => f.name)).toEqual([]);
    const inputsNamingAudit = Object.values(schema.getTypeMap()).filter((t) => isInputObjectType(t) && /audit/i.test(t.name) && t.name !== 'AuditEventFilter');
    expect(inputsNamingAudit.map((t) => t.name)).toEqual([]);
    const attempt = await post(server, `mutation { appendAudit(id: "${world.audit.audA.id}") }`, { token: as('ADMIN') });
    expect([attempt.status, codes(attempt)]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED']]);
  });
});
