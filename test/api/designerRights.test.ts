import { randomUUID } from 'node:crypto';
import { kindOfId, type EntityKind } from '../../src/domain/ids';
import { STAKEHOLDER_KINDS, type GraphStore } from '../../src/store/GraphStore';
import { listAll } from '../../src/services/listAll';
import { seedStore } from '../../src/seed/seedStore';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 12 item 3: a DESIGNER maps future stakeholders — a PROSPECTIVE
 * organisation (added, linked BUILDING or PROSPECTIVE), PLANNED services —
 * and nothing it records routes a live referral: matchNeed never proposes
 * the planned service, even where it is the only one reaching the family.
 * On the seeded (synthetic-household) Dayi network.
 */
const ADD_ORG = 'mutation($input: AddOrganizationInput!) { addOrganization(input: $input) { id networkStatus } }';
const ADD_SERVICE = 'mutation($input: AddServiceInput!) { addService(input: $input) { id status } }';
const LINK = 'mutation($input: LinkStakeholdersInput!) { linkStakeholders(input: $input) { id status } }';
const MATCH = `query($needId: ID!) {
  matchNeed(needId: $needId, limit: 50) {
    __typename
    ... on Matched { matches { service { id } } }
    ... on NoSuitableResource { reasons { reason services { id } } }
  }
}`;

describeEachStore('a designer maps future stakeholders ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let designer: string;
  let admin: string;

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 60, seed: 12 });
    server = await startTestServer(store);
    designer = await server.token({ sub: 'test-designer', role: 'DESIGNER' });
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.['code'] ?? 'ok';
  const fieldOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.['fieldPath'];

  it('adds a prospective organisation with a planned service and BUILDING / PROSPECTIVE ties, which never route a live referral', async () => {
    const org = await server.gql<{ addOrganization: { id: string; networkStatus: string | null } }>(
      ADD_ORG,
      { input: { name: '未来养老服务社（合成）', kind: 'NGO', townshipId: 'twp_510129001000' } },
      designer,
    );
    expect(org.errors).toBeUndefined();
    const orgId = org.data!.addOrganization.id;

    // ACTIVE (or the input's default, ACTIVE) is a network editor's decision; PLANNED is the designer's.
    const service = { organizationId: orgId, name: '上门照护（规划，合成）', categories: ['ELDERLY_CARE'], area: { kind: 'COUNTY' }, online: true };
    const defaulted = await server.gql(ADD_SERVICE, { input: service }, designer);
    expect([codeOf(defaulted), fieldOf(defaulted)]).toEqual(['FORBIDDEN', ['input', 'status']]);
    expect(codeOf(await server.gql(ADD_SERVICE, { input: { ...service, status: 'ACTIVE' } }, designer))).toBe('FORBIDDEN');
    const planned = await server.gql<{ addService: { id: string; status: string } }>(ADD_SERVICE, { input: { ...service, status: 'PLANNED' } }, designer);
    expect(planned.errors).toBeUndefined();
    expect(planned.data!.addService.status).toBe('PLANNED');
    const plannedId = planned.data!.addService.id;

    const tie = { fromId: 'org_network', toId: orgId, type: 'PARTNER' };
    const established = await server.gql(LINK, { input: { ...tie, status: 'ESTABLISHED' } }, designer);
    expect([codeOf(established), fieldOf(established)]).toEqual(['FORBIDDEN', ['input', 'status']]);
    expect(codeOf(await server.gql(LINK, { input: { ...tie, status: 'PROSPECTIVE' } }, designer))).toBe('ok');
    expect(codeOf(await server.gql(LINK, { input: { fromId: orgId, toId: 'org_station-510129001000', type: 'WORKS_WITH', status: 'BUILDING' } }, designer))).toBe('ok');

    // An elderly-care need in 晋原街道: the planned service (county-wide, online) is never proposed.
    const household = await server.gql<{ registerHousehold: { id: string } }>(
      'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }',
      { input: { villageId: 'vil_510129001002', size: 1, memberAgeBands: ['AGE_80_PLUS'], markers: ['SOLITARY_ELDERLY'], head: { name: '合成户主' }, idempotencyKey: randomUUID() } },
      admin,
    );
    const householdId = household.data!.registerHousehold.id;
    await server.gql('mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', { input: { householdId, categories: ['ELDERLY_CARE'] } }, admin);
    const need = await server.gql<{ recordNeed: { id: string } }>(
      'mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }',
      { input: { householdId, category: 'ELDERLY_CARE', urgency: 'HIGH', idempotencyKey: randomUUID() } },
      admin,
    );
    const match = await server.gql<{ matchNeed: { __typename: string; matches?: Array<{ service: { id: string } }>; reasons?: Array<{ services: Array<{ id: string }> }> } }>(
      MATCH,
      { needId: need.data!.recordNeed.id },
      admin,
    );
    expect(match.errors).toBeUndefined();
    const proposed = (match.data!.matchNeed.matches ?? []).map((m) => m.service.id);
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed).not.toContain(plannedId);

    // Once a network editor makes the service ACTIVE (and the tie ESTABLISHED), it can be proposed: the exclusion is the status, not the record.
    const activated = await server.gql('mutation($id: ID!) { updateService(id: $id, input: { status: ACTIVE }) { id } }', { id: plannedId }, admin);
    expect(activated.errors).toBeUndefined();
    expect(codeOf(await server.gql(LINK, { input: { ...tie, status: 'ESTABLISHED' } }, admin))).toBe('ok');
    const again = await server.gql<{ matchNeed: { matches?: Array<{ service: { id: string } }> } }>(MATCH, { needId: need.data!.recordNeed.id }, admin);
    expect((again.data!.matchNeed.matches ?? []).map((m) => m.service.id)).toContain(plannedId);
  });

  it('cannot change an existing relationship: an ESTABLISHED trust path or a tie a network editor recorded stays as it was', async () => {
    // An ESTABLISHED tie of the seeded network, between two stakeholders.
    const isStakeholder = (id: string) => STAKEHOLDER_KINDS.includes(kindOfId(id) as EntityKind);
    const seeded = (await listAll(store, 'Relationship')).find((r) => r.status === 'ESTABLISHED' && isStakeholder(r.fromId) && isStakeholder(r.toId));
    expect(seeded).toBeDefined();
    const tie = { fromId: seeded!.fromId, toId: seeded!.toId, type: seeded!.type };
    for (const status of ['BUILDING', 'PROSPECTIVE']) {
      const downgraded = await server.gql(LINK, { input: { ...tie, status, note: '设计师改写（合成）' } }, designer);
      expect([codeOf(downgraded), fieldOf(downgraded)]).toEqual(['FORBIDDEN', ['input', 'toId']]);
    }
    expect(await store.findRelationship(tie.fromId, tie.toId, tie.type)).toEqual(seeded);

    // A BUILDING tie an ADMIN records: the designer may not overwrite it either (not even with an allowed status).
    const org = await server.gql<{ addOrganization: { id: string } }>(
      ADD_ORG,
      { input: { name: '筹建中的互助社（合成）', kind: 'NGO', townshipId: 'twp_510129001000' } },
      admin,
    );
    const editorTie = { fromId: 'org_network', toId: org.data!.addOrganization.id, type: 'PARTNER' };
    expect(codeOf(await server.gql(LINK, { input: { ...editorTie, status: 'BUILDING', since: '2026-01-01' } }, admin))).toBe('ok');
    const before = await store.findRelationship(editorTie.fromId, editorTie.toId, 'PARTNER');
    const overwritten = await server.gql(LINK, { input: { ...editorTie, status: 'PROSPECTIVE', since: null } }, designer);
    expect([codeOf(overwritten), fieldOf(overwritten)]).toEqual(['FORBIDDEN', ['input', 'toId']]);
    expect(await store.findRelationship(editorTie.fromId, editorTie.toId, 'PARTNER')).toEqual(before);

    // A new tie is still the designer's to add.
    expect(codeOf(await server.gql(LINK, { input: { fromId: editorTie.toId, toId: 'org_station-510129001000', type: 'WORKS_WITH', status: 'PROSPECTIVE' } }, designer))).toBe('ok');
  });
});
