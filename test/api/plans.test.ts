import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { anAccount, smallNetwork, type SmallNetwork, storeNetwork } from '../support/builders';
import { UNSET_NEO4J_URI } from '../support/describeNeo4j';
import { neo4jTestStoreOptions } from '../support/neo4jTestStore';
import { startTestServer, type GqlResponse, type TestServer } from '../support/testServer';

/**
 * Saved plans over HTTP (issue 12 item 3), on a small synthetic network
 * (test/support/builders smallNetwork) where every tie that matters is known:
 * villages[0] and [1] lie in townships[0]; the township's social worker is a
 * member of its station, the station a PARTNER of the county NGO. The
 * station–NGO tie is given until 2027-03-31 here, so "as of" a later date the
 * NGO is cut off from the township.
 *
 * - Plan A: the NGO offers ELDERLY_CARE to villages[0], and the social
 *   worker WORKS_WITH the NGO directly (ESTABLISHED: the station, between the
 *   two, stops being a single point of failure).
 * - Plan B: a new organisation offering ELDERLY_CARE county-wide, PARTNER of
 *   the NGO from 2027-01-01 (since in the future).
 */

interface Variant {
  name: 'memory' | 'neo4j';
  open(): Promise<GraphStore>;
  /** Closes the store and opens it again over the same data (a restart). */
  reopen(store: GraphStore): Promise<GraphStore>;
  destroy(store: GraphStore): Promise<void>;
}

function memoryVariant(): Variant {
  let dataDir = '';
  return {
    name: 'memory',
    async open() {
      dataDir = await mkdtemp(join(tmpdir(), 'huzhu-plans-api-'));
      const store = new MemoryStore({ dataDir });
      await store.init();
      return store;
    },
    async reopen(store) {
      await store.close();
      const again = new MemoryStore({ dataDir });
      await again.init();
      return again;
    },
    async destroy(store) {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function neo4jVariant(uri: string): Variant {
  const open = async () => {
    const store = new Neo4jStore(neo4jTestStoreOptions(uri));
    await store.init();
    return store;
  };
  return {
    name: 'neo4j',
    async open() {
      const store = await open();
      await store.deleteAllForTests();
      return store;
    },
    async reopen(store) {
      await store.close();
      return open();
    },
    destroy: (store) => store.close(),
  };
}

const SAVE = `mutation($input: SavePlanInput!) {
  savePlan(input: $input) { id name note status author { id displayName } changes { kind id name organizationId categories area { kind townshipIds villageIds } fromId toId type status since until serviceStatus } }
}`;
const PLANS = `query($first: Int, $after: String) { plans(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name author { id displayName } status } } }`;
const PLAN = `query($id: ID!) { plan(id: $id) { id name note status author { id displayName } appliedAt appliedBy { id displayName } changes { kind fromId toId since until } } }`;
const EVALUATION = `asOf
  plan { id name }
  spofsRemoved { id kind label }
  spofsAdded { id }
  result { changes byCategory { category villagesBefore villagesAfter householdsNewlyCovered newlyCovered { villageId households suppressed } suppressed } }`;
const EVALUATE = `query($id: ID!, $asOf: Date) { evaluatePlan(id: $id, asOf: $asOf) { ${EVALUATION} } }`;
const COMPARE = `query($a: ID!, $b: ID!, $asOf: Date) {
  comparePlans(a: $a, b: $b, asOf: $asOf) {
    asOf
    a { plan { id } spofsRemoved { id } }
    b { plan { id } spofsRemoved { id } }
    byCategory { category newlyCoveredA newlyCoveredB onlyA { villageId } onlyB { villageId } both { villageId households suppressed } }
  }
}`;
const APPLY = `mutation($id: ID!) { applyPlan(id: $id) { id status appliedAt appliedBy { id displayName } } }`;
const DELETE = `mutation($id: ID!) { deletePlan(id: $id) }`;

interface Evaluation {
  asOf: string;
  plan: { id: string; name: string };
  spofsRemoved: Array<{ id: string; kind: string; label: string }>;
  spofsAdded: Array<{ id: string }>;
  result: {
    changes: string[];
    byCategory: Array<{ category: string; newlyCovered: Array<{ villageId: string; households: number | null; suppressed: boolean }> }>;
  };
}

const codeOf = (res: GqlResponse<unknown>) => res.errors?.[0]?.extensions?.['code'] ?? 'ok';
const fieldOf = (res: GqlResponse<unknown>) => res.errors?.[0]?.extensions?.['fieldPath'];
const newlyIn = (evaluation: Evaluation, category: string) =>
  (evaluation.result.byCategory.find((c) => c.category === category)?.newlyCovered ?? []).map((v) => v.villageId).sort();

const variants: Variant[] = [memoryVariant()];
const neo4jUri = loadConfig().NEO4J_URI;
if (neo4jUri) variants.push(neo4jVariant(neo4jUri));

describe.each(variants)('saved plans over the API ($name store)', (variant) => runPlansApiTests(variant));
if (!neo4jUri) describe.skip.each([neo4jVariant(UNSET_NEO4J_URI)])('saved plans over the API ($name store) [skipped: NEO4J_URI is unset]', (variant) => runPlansApiTests(variant));

function runPlansApiTests(variant: Variant): void {
  let store: GraphStore;
  let server: TestServer;
  let net: SmallNetwork;
  const designerAccount = anAccount({ role: 'DESIGNER', displayName: '规划设计师（合成）' });
  const otherDesignerAccount = anAccount({ role: 'DESIGNER', displayName: '另一位设计师（合成）' });
  const adminAccount = anAccount({ role: 'ADMIN', displayName: '管理员（合成）' });
  const tokens: Record<string, string> = {};

  async function start(): Promise<void> {
    server = await startTestServer(store);
    tokens['designer'] = await server.token({ sub: designerAccount.id, role: 'DESIGNER' });
    tokens['otherDesigner'] = await server.token({ sub: otherDesignerAccount.id, role: 'DESIGNER' });
    tokens['admin'] = await server.token({ sub: adminAccount.id, role: 'ADMIN' });
    tokens['coordinator'] = await server.token({ sub: 'test-coordinator', role: 'COORDINATOR', townships: [net.townships[0].id] });
    tokens['ngo'] = await server.token({ sub: 'test-ngo', role: 'PARTNER_NGO', org: net.organizations[1].id });
    tokens['volunteer'] = await server.token({ sub: 'test-volunteer', role: 'VOLUNTEER', villages: [net.villages[0].id] });
  }

  beforeAll(async () => {
    store = await variant.open();
    net = smallNetwork();
    net.relationships[1] = { ...net.relationships[1], until: '2027-03-31' };
    await storeNetwork(store, net);
    for (const account of [designerAccount, otherDesignerAccount, adminAccount]) await store.createAccount(account);
    await start();
  });
  afterAll(async () => {
    await server.stop();
    await variant.destroy(store);
  });

  const [station, ngo] = [() => net.organizations[0], () => net.organizations[1]];
  const socialWorker = () => net.people[2];
  const [t1, v1, v2] = [() => net.townships[0], () => net.villages[0], () => net.villages[1]];

  const planA = () => ({
    name: '方案甲：站点养老（合成）',
    note: '只覆盖一个社区 (synthetic)',
    changes: [
      { kind: 'ADD_SERVICE', organizationId: ngo().id, name: '社区日间照料（设想）', categories: ['ELDERLY_CARE'], area: { kind: 'VILLAGES', villageIds: [v1().id] } },
      { kind: 'ADD_RELATIONSHIP', fromId: socialWorker().id, toId: ngo().id, type: 'WORKS_WITH', status: 'ESTABLISHED' },
    ],
  });
  const planB = () => ({
    name: '方案乙：县级养老组织（合成）',
    changes: [
      { kind: 'ADD_ORGANIZATION', name: '设想中的养老服务社（合成）', organizationKind: 'NGO', townshipId: t1().id },
      { kind: 'ADD_SERVICE', organizationId: 'org_whatif-1', categories: ['ELDERLY_CARE'], area: { kind: 'COUNTY' } },
      { kind: 'ADD_RELATIONSHIP', fromId: 'org_whatif-1', toId: ngo().id, type: 'PARTNER', status: 'ESTABLISHED', since: '2027-01-01' },
    ],
  });

  async function saved(input: Record<string, unknown>, token = tokens['designer']): Promise<string> {
    const res = await server.gql<{ savePlan: { id: string } }>(SAVE, { input }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.savePlan.id;
  }

  async function evaluated(id: string, asOf: string, token = tokens['designer']): Promise<Evaluation> {
    const res = await server.gql<{ evaluatePlan: Evaluation }>(EVALUATE, { id, asOf }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.evaluatePlan;
  }

  it('a designer saves a plan (author from the account) and reopens it after a restart, on a new app instance', async () => {
    const res = await server.gql<{ savePlan: { id: string; name: string; note: string; status: string; author: { id: string; displayName: string }; changes: Array<Record<string, unknown>> } }>(
      SAVE,
      { input: planB() },
      tokens['designer'],
    );
    expect(res.errors).toBeUndefined();
    const plan = res.data!.savePlan;
    expect(plan).toMatchObject({ name: planB().name, note: null, status: 'DRAFT', author: { id: designerAccount.id, displayName: '规划设计师（合成）' } });
    expect(plan.changes.map((c) => c['kind'])).toEqual(['ADD_ORGANIZATION', 'ADD_SERVICE', 'ADD_RELATIONSHIP']);
    expect(plan.changes[2]).toMatchObject({ fromId: 'org_whatif-1', toId: ngo().id, status: 'ESTABLISHED', since: '2027-01-01', until: null });
    expect(plan.changes[1]).toMatchObject({ area: { kind: 'COUNTY', townshipIds: null, villageIds: null }, categories: ['ELDERLY_CARE'] });

    await server.stop();
    store = await variant.reopen(store);
    await start();

    const reopened = await server.gql<{ plan: { id: string; name: string; author: { displayName: string }; changes: Array<{ kind: string; since: string | null }> } }>(PLAN, { id: plan.id }, tokens['designer']);
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data!.plan).toMatchObject({ id: plan.id, name: planB().name, author: { displayName: '规划设计师（合成）' } });
    expect(reopened.data!.plan.changes.map((c) => c.since)).toEqual([null, null, '2027-01-01']);
    const listed = await server.gql<{ plans: { totalCount: number; nodes: Array<{ id: string }> } }>(PLANS, {}, tokens['coordinator']);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.plans.nodes.map((p) => p.id)).toContain(plan.id);
  });

  it('evaluates a plan as of a date: a link whose since is still ahead counts only from then, a tie past its until no longer counts', async () => {
    const id = await saved(planB());
    // 2026-12-15: the new organisation's PARTNER link starts only on 2027-01-01.
    const beforeSince = await evaluated(id, '2026-12-15');
    expect(beforeSince.asOf).toBe('2026-12-15');
    expect(newlyIn(beforeSince, 'ELDERLY_CARE')).toEqual([]);
    // 2027-02-01: linked to the NGO, which the station still partners: the township's villages reach it.
    const inForce = await evaluated(id, '2027-02-01');
    expect(newlyIn(inForce, 'ELDERLY_CARE')).toEqual([v1().id, v2().id].sort());
    // 2027-06-30: the station–NGO tie ended on 2027-03-31, so the NGO (and the new organisation) no longer reach the township.
    const afterUntil = await evaluated(id, '2027-06-30');
    expect(newlyIn(afterUntil, 'ELDERLY_CARE')).toEqual([]);
    expect(afterUntil.result.changes).toHaveLength(3);
  });

  it('compares two plans side by side: villages newly covered per category, and the single points of failure each removes', async () => {
    const a = await saved(planA());
    const b = await saved(planB());
    const res = await server.gql<{
      comparePlans: {
        asOf: string;
        a: { plan: { id: string }; spofsRemoved: Array<{ id: string }> };
        b: { plan: { id: string }; spofsRemoved: Array<{ id: string }> };
        byCategory: Array<{ category: string; newlyCoveredA: number; newlyCoveredB: number; onlyA: Array<{ villageId: string }>; onlyB: Array<{ villageId: string }>; both: Array<{ villageId: string; households: number | null; suppressed: boolean }> }>;
      };
    }>(COMPARE, { a, b, asOf: '2027-02-01' }, tokens['designer']);
    expect(res.errors).toBeUndefined();
    const comparison = res.data!.comparePlans;
    expect(comparison.asOf).toBe('2027-02-01');
    expect([comparison.a.plan.id, comparison.b.plan.id]).toEqual([a, b]);
    const elderly = comparison.byCategory.find((c) => c.category === 'ELDERLY_CARE');
    expect(elderly).toMatchObject({ newlyCoveredA: 1, newlyCoveredB: 2, onlyA: [], onlyB: [{ villageId: v2().id }], both: [{ villageId: v1().id }] });
    // Two synthetic households per village: a designer sees the count withheld.
    expect(elderly!.both[0]).toMatchObject({ households: null, suppressed: true });
    // Plan A's direct social worker–NGO tie closes a loop around the station: no longer a single point of failure.
    expect(comparison.a.spofsRemoved.map((s) => s.id)).toContain(station().id);
    expect(comparison.b.spofsRemoved.map((s) => s.id)).not.toContain(station().id);
  });

  it('presents evaluations through the small-cell rule: withheld for a designer, shown to an ADMIN', async () => {
    const id = await saved(planA());
    const forDesigner = await evaluated(id, '2027-02-01');
    const forAdmin = await evaluated(id, '2027-02-01', tokens['admin']);
    const cell = (e: Evaluation) => e.result.byCategory.find((c) => c.category === 'ELDERLY_CARE')!.newlyCovered[0];
    expect(cell(forDesigner)).toEqual({ villageId: v1().id, households: null, suppressed: true });
    expect(cell(forAdmin)).toEqual({ villageId: v1().id, households: 2, suppressed: false });
  });

  it('an ADMIN applies a plan: its records become real in one step, and a second apply is a CONFLICT', async () => {
    const id = await saved(planB());
    const versionBefore = await store.version();
    const res = await server.gql<{ applyPlan: { id: string; status: string; appliedAt: string; appliedBy: { id: string; displayName: string } } }>(APPLY, { id }, tokens['admin']);
    expect(res.errors).toBeUndefined();
    expect(res.data!.applyPlan).toMatchObject({ id, status: 'APPLIED', appliedBy: { id: adminAccount.id, displayName: '管理员（合成）' } });
    expect(await store.version()).toBeGreaterThan(versionBefore);

    // The records, with ids derived from the plan, as the evaluation described them.
    const key = id.slice('plan_'.length);
    const [organization] = await store.getMany('Organization', [`org_${key}-1`]);
    const [service] = await store.getMany('Service', [`svc_${key}-2`]);
    const [link] = await store.getMany('Relationship', [`rel_${key}-3`]);
    expect(organization).toMatchObject({ name: '设想中的养老服务社（合成）', kind: 'NGO', townshipId: t1().id, synthetic: false });
    expect(service).toMatchObject({ organizationId: `org_${key}-1`, categories: ['ELDERLY_CARE'], status: 'ACTIVE', area: { kind: 'COUNTY' }, synthetic: false });
    expect(service!.name).toBe('设想中的养老服务社（合成）：ELDERLY_CARE');
    expect(link).toMatchObject({ fromId: `org_${key}-1`, toId: ngo().id, type: 'PARTNER', status: 'ESTABLISHED', since: '2027-01-01', until: null });

    const again = await server.gql(APPLY, { id }, tokens['admin']);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(fieldOf(again)).toEqual(['id']);
    const edit = await server.gql(SAVE, { input: { ...planB(), id } }, tokens['designer']);
    expect(codeOf(edit)).toBe('CONFLICT');
    const shown = await server.gql<{ plan: { status: string; appliedBy: { id: string } } }>(PLAN, { id }, tokens['designer']);
    expect(shown.data!.plan).toMatchObject({ status: 'APPLIED', appliedBy: { id: adminAccount.id } });
  });

  it("a plan's PLANNED service and BUILDING tie, even applied, never route a live referral", async () => {
    const MATCH = 'query($needId: ID!) { matchNeed(needId: $needId, limit: 50) { __typename ... on Matched { matches { service { id } } } } }';
    const [elderlyNeed] = net.needs;
    await server.gql('mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', { input: { householdId: elderlyNeed.householdId, categories: ['ELDERLY_CARE', 'MEDICAL'] } }, tokens['admin']);
    const id = await saved({
      name: '规划中的服务（合成）',
      changes: [
        { kind: 'ADD_SERVICE', organizationId: ngo().id, categories: ['ELDERLY_CARE'], area: { kind: 'COUNTY' }, online: true, serviceStatus: 'PLANNED' },
        { kind: 'ADD_RELATIONSHIP', fromId: net.people[0].id, toId: ngo().id, type: 'KNOWS', status: 'BUILDING' },
      ],
    });
    const evaluation = await evaluated(id, '2027-02-01');
    expect(newlyIn(evaluation, 'ELDERLY_CARE')).toEqual([]);
    expect(codeOf(await server.gql(APPLY, { id }, tokens['admin']))).toBe('ok');
    const plannedId = `svc_${id.slice('plan_'.length)}-1`;
    expect((await store.getMany('Service', [plannedId]))[0]?.status).toBe('PLANNED');
    const match = await server.gql<{ matchNeed: { __typename: string; matches?: Array<{ service: { id: string } }> } }>(MATCH, { needId: elderlyNeed.id }, tokens['admin']);
    expect(match.errors).toBeUndefined();
    expect((match.data!.matchNeed.matches ?? []).map((m) => m.service.id)).not.toContain(plannedId);
  });

  it('applies nothing when a change cannot be made real (a removal), naming the change', async () => {
    const id = await saved({ name: '含删除的方案（合成）', changes: [...planA().changes, { kind: 'REMOVE_STAKEHOLDER', stakeholderId: socialWorker().id }] });
    const versionBefore = await store.version();
    const res = await server.gql(APPLY, { id }, tokens['admin']);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toEqual(['changes', 2, 'kind']);
    expect(await store.version()).toBe(versionBefore);
    const shown = await server.gql<{ plan: { status: string } }>(PLAN, { id }, tokens['designer']);
    expect(shown.data!.plan.status).toBe('DRAFT');
  });

  it('only an ADMIN applies: a DESIGNER or COORDINATOR gets FORBIDDEN and nothing is written', async () => {
    const id = await saved(planA());
    for (const who of ['designer', 'coordinator']) {
      const res = await server.gql(APPLY, { id }, tokens[who]);
      expect(codeOf(res)).toBe('FORBIDDEN');
    }
    const shown = await server.gql<{ plan: { status: string } }>(PLAN, { id }, tokens['designer']);
    expect(shown.data!.plan.status).toBe('DRAFT');
  });

  it('a PARTNER_NGO or VOLUNTEER can neither list, read, evaluate nor save plans', async () => {
    const id = await saved(planA());
    for (const who of ['ngo', 'volunteer']) {
      expect(codeOf(await server.gql(PLANS, {}, tokens[who]))).toBe('FORBIDDEN');
      expect(codeOf(await server.gql(PLAN, { id }, tokens[who]))).toBe('FORBIDDEN');
      expect(codeOf(await server.gql(EVALUATE, { id, asOf: '2027-02-01' }, tokens[who]))).toBe('FORBIDDEN');
      expect(codeOf(await server.gql(SAVE, { input: planA() }, tokens[who]))).toBe('FORBIDDEN');
    }
    expect(codeOf(await server.gql(PLANS, {}))).toBe('UNAUTHENTICATED');
  });

  it('refuses bad input with BAD_USER_INPUT and the field path', async () => {
    const badCategory = await server.gql(SAVE, { input: { name: '坏方案（合成）', changes: [{ kind: 'ADD_SERVICE', organizationId: station().id, categories: [], area: { kind: 'COUNTY' } }] } }, tokens['designer']);
    expect([codeOf(badCategory), fieldOf(badCategory)]).toEqual(['BAD_USER_INPUT', ['input', 'changes', 0, 'categories']]);
    const foreignField = await server.gql(SAVE, { input: { name: '坏方案（合成）', changes: [{ kind: 'SET_SERVICE_STATUS', serviceId: net.services[2].id, serviceStatus: 'ACTIVE', fromId: station().id }] } }, tokens['designer']);
    expect([codeOf(foreignField), fieldOf(foreignField)]).toEqual(['BAD_USER_INPUT', ['input', 'changes', 0, 'fromId']]);
    const blankName = await server.gql(SAVE, { input: { ...planA(), name: '  ' } }, tokens['designer']);
    expect([codeOf(blankName), fieldOf(blankName)]).toEqual(['BAD_USER_INPUT', ['input', 'name']]);
    const noChanges = await server.gql(SAVE, { input: { name: '空方案（合成）', changes: [] } }, tokens['designer']);
    expect([codeOf(noChanges), fieldOf(noChanges)]).toEqual(['BAD_USER_INPUT', ['input', 'changes']]);
    const datesBackwards = await server.gql(SAVE, { input: { name: '日期颠倒（合成）', changes: [{ ...planB().changes[2], fromId: station().id, until: '2026-01-01' }] } }, tokens['designer']);
    expect([codeOf(datesBackwards), fieldOf(datesBackwards)]).toEqual(['BAD_USER_INPUT', ['input', 'changes', 0, 'until']]);
    const badId = await server.gql(EVALUATE, { id: 'org_not-a-plan', asOf: '2027-02-01' }, tokens['designer']);
    expect([codeOf(badId), fieldOf(badId)]).toEqual(['BAD_USER_INPUT', ['id']]);
    const unknownPlan = await server.gql(EVALUATE, { id: 'plan_0000000000-missing', asOf: '2027-02-01' }, tokens['designer']);
    expect([codeOf(unknownPlan), fieldOf(unknownPlan)]).toEqual(['NOT_FOUND', ['id']]);
    // A change naming a record that does not exist is found when the plan is evaluated, at the change.
    const dangling = await saved({ name: '悬空引用（合成）', changes: [{ kind: 'SET_SERVICE_STATUS', serviceId: 'svc_nowhere-synthetic', serviceStatus: 'ACTIVE' }] });
    const evaluation = await server.gql(EVALUATE, { id: dangling, asOf: '2027-02-01' }, tokens['designer']);
    expect([codeOf(evaluation), fieldOf(evaluation)]).toEqual(['NOT_FOUND', ['changes', 0, 'serviceId']]);
  });

  it('its author or an ADMIN changes or deletes a plan; another designer may not', async () => {
    const id = await saved(planA());
    const foreign = await server.gql(SAVE, { input: { ...planA(), id, name: '别人的修改（合成）' } }, tokens['otherDesigner']);
    expect([codeOf(foreign), fieldOf(foreign)]).toEqual(['FORBIDDEN', ['input', 'id']]);
    expect(codeOf(await server.gql(DELETE, { id }, tokens['otherDesigner']))).toBe('FORBIDDEN');
    const own = await server.gql<{ savePlan: { id: string; name: string; note: string | null } }>(SAVE, { input: { ...planA(), id, name: '作者的修改（合成）', note: null } }, tokens['designer']);
    expect(own.errors).toBeUndefined();
    expect(own.data!.savePlan).toMatchObject({ id, name: '作者的修改（合成）', note: null });
    const deleted = await server.gql<{ deletePlan: string }>(DELETE, { id }, tokens['admin']);
    expect(deleted.data?.deletePlan).toBe(id);
    expect((await server.gql<{ plan: null }>(PLAN, { id }, tokens['designer'])).data!.plan).toBeNull();
  });

  it('lists plans newest first, in pages', async () => {
    const ids = [await saved(planA()), await saved(planA()), await saved(planA())];
    const first = await server.gql<{ plans: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ id: string }> } }>(PLANS, { first: 2 }, tokens['designer']);
    expect(first.errors).toBeUndefined();
    expect(first.data!.plans.nodes.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    expect(first.data!.plans.pageInfo.hasNextPage).toBe(true);
    const second = await server.gql<{ plans: { nodes: Array<{ id: string }> } }>(PLANS, { first: 1, after: first.data!.plans.pageInfo.endCursor }, tokens['designer']);
    expect(second.data!.plans.nodes.map((p) => p.id)).toEqual([ids[0]]);
  });
}
