/**
 * searchHouseholds and searchDirectory over HTTP (issue 11 item 5), on each
 * store: scope, role and purpose gating (a search is a read of the fields it
 * tests), audit, paging, hostile input. All people and households here are
 * synthetic test data.
 */
import type { GraphStore } from '../../src/store/GraphStore';
import { aHousehold, aPerson, aTownship, aVillage } from '../support/builders';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';
import { post, type RawResponse } from './accessWorld';

function searchWorld() {
  const t1 = aTownship({ name: '王泗镇' });
  const t2 = aTownship({ name: '安仁镇' });
  const v1 = aVillage({ townshipId: t1.id, name: '金星村村委会', displayName: '金星村' });
  const v2 = aVillage({ townshipId: t1.id });
  const v3 = aVillage({ townshipId: t2.id });
  const head = (name: string, phone: string | null) => ({ name, phone, idNumber: null });
  const households = {
    wangxiaoming: aHousehold({ villageId: v1.id, head: head('王小明', '13800001234'), householdCode: 'SYN-T1-0001' }),
    wangxiaohong: aHousehold({ villageId: v2.id, head: head('王小红', null), householdCode: 'SYN-T1-0002' }),
    wangxiaoli: aHousehold({ villageId: v3.id, head: head('王小丽', '13900005678'), householdCode: 'SYN-T2-0001' }),
  };
  const liaison = aPerson({ name: '王联络（synthetic）', villageIds: [v1.id], townshipIds: [t1.id] });
  return { townships: { t1, t2 }, villages: { v1, v2, v3 }, households, liaison };
}

const HOUSEHOLDS = `query ($q: String!, $first: Int, $after: String) {
  searchHouseholds(query: $q, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id householdCode head { name phone } }
  }
}`;
const DIRECTORY = `query ($q: String!, $kinds: [DirectoryKind!]) {
  searchDirectory(query: $q, kinds: $kinds) { kind id name node { id } }
}`;

interface HouseholdHits {
  searchHouseholds: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ id: string; householdCode: string | null; head: { name: string | null; phone: string | null } | null }> };
}

describeEachStore('search over HTTP ($name store)', (adapter) => {
  const world = searchWorld();
  const h = world.households;
  let store: GraphStore;
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    store = await adapter.open();
    await store.upsertMany('Township', Object.values(world.townships));
    await store.upsertMany('Village', Object.values(world.villages));
    await store.upsertMany('Person', [world.liaison]);
    await store.upsertMany('Household', Object.values(h));
    server = await startTestServer(store);
    const { t1, t2 } = world.townships;
    const claims = {
      admin: { sub: 'test-admin', role: 'ADMIN' },
      coordinatorT1: { sub: 'test-coordinator-t1', role: 'COORDINATOR', townships: [t1.id] },
      coordinatorT2: { sub: 'test-coordinator-t2', role: 'COORDINATOR', townships: [t2.id] },
      socialWorkerV1: { sub: 'test-sw-v1', role: 'SOCIAL_WORKER', villages: [world.villages.v1.id] },
      volunteerV1: { sub: 'test-vol-v1', role: 'VOLUNTEER', villages: [world.villages.v1.id] },
      partner: { sub: 'test-partner', role: 'PARTNER_NGO', org: 'org_synthetic-partner' },
      designer: { sub: 'test-designer', role: 'DESIGNER' },
    } as const;
    for (const [name, c] of Object.entries(claims)) tokens[name] = await server.token(c as never);
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  const searchAs = async (who: string | null, q: string, extra: { first?: number; after?: string; purpose?: string } = {}): Promise<RawResponse> =>
    post(server, HOUSEHOLDS, { token: who === null ? null : tokens[who], variables: { q, first: extra.first, after: extra.after }, ...(extra.purpose ? { purpose: extra.purpose } : {}) });
  const hitsOf = (res: RawResponse) => {
    expect(res.json?.errors).toBeUndefined();
    return (res.json?.data as unknown as HouseholdHits).searchHouseholds;
  };
  const errorOf = (res: RawResponse) => res.json?.errors?.[0]?.extensions as { code?: string; fieldPath?: unknown } | undefined;

  describe('scope', () => {
    it('finds a coordinator\'s households by pinyin, initials, 汉字, phone and code', async () => {
      for (const q of ['wangxiaoming', 'wxm', 'wang xiao ming', '王小明', '13800001234', 'syn-t1-0001']) {
        const hits = hitsOf(await searchAs('coordinatorT1', q));
        expect({ q, first: hits.nodes[0]?.id }).toEqual({ q, first: h.wangxiaoming.id });
      }
    });

    it('finds nothing of another township: a coordinator of 安仁 searching 王小明 gets its own 王小丽 only', async () => {
      expect(hitsOf(await searchAs('coordinatorT2', '王小明')).nodes).toEqual([]);
      expect(hitsOf(await searchAs('coordinatorT2', 'wangxiao')).nodes.map((n) => n.id)).toEqual([h.wangxiaoli.id]);
      expect(hitsOf(await searchAs('coordinatorT1', 'wangxiao')).nodes.map((n) => n.id).sort()).toEqual([h.wangxiaoming.id, h.wangxiaohong.id].sort());
      expect(hitsOf(await searchAs('admin', 'wangxiao')).totalCount).toBe(3);
    });

    it('keeps a social worker to its villages', async () => {
      expect(hitsOf(await searchAs('socialWorkerV1', 'wangxiao')).nodes.map((n) => n.id)).toEqual([h.wangxiaoming.id]);
    });

    it('pages with cursors: first 1, then after, to the end, totalCount constant', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 5; i += 1) {
        const page = hitsOf(await searchAs('admin', 'wangxiao', { first: 1, ...(after ? { after } : {}) }));
        expect(page.totalCount).toBe(3);
        seen.push(...page.nodes.map((n) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? undefined;
      }
      expect(seen.sort()).toEqual(Object.values(h).map((x) => x.id).sort());
    });
  });

  describe('who may search by what', () => {
    it('lets a VOLUNTEER search by name and phone but never by household code (it may not read codes)', async () => {
      expect(hitsOf(await searchAs('volunteerV1', 'wxm')).nodes.map((n) => n.id)).toEqual([h.wangxiaoming.id]);
      expect(hitsOf(await searchAs('volunteerV1', '0001234')).nodes.map((n) => n.id)).toEqual([h.wangxiaoming.id]);
      const byCode = hitsOf(await searchAs('volunteerV1', 'SYN-T1-0001'));
      expect(byCode).toMatchObject({ totalCount: 0, nodes: [] });
      // …while a social worker of the same village may.
      expect(hitsOf(await searchAs('socialWorkerV1', 'SYN-T1-0001')).nodes).toEqual([
        { id: h.wangxiaoming.id, householdCode: h.wangxiaoming.householdCode, head: { name: '王小明', phone: '13800001234' } },
      ]);
    });

    it.each(['partner', 'designer'])('refuses a %s (FORBIDDEN) before searching', async (who) => {
      const res = await searchAs(who, 'wangxiao');
      expect(res.json?.data).toBeNull();
      expect(errorOf(res)?.code).toBe('FORBIDDEN');
    });

    it('asks an anonymous caller to sign in', async () => {
      expect(errorOf(await searchAs(null, 'wangxiao'))?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a search for REPORTING (no personal field may be read for it), naming `query`', async () => {
      for (const who of ['coordinatorT1', 'admin']) {
        const res = await searchAs(who, 'wangxiao', { purpose: 'REPORTING' });
        expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN', fieldPath: ['query'] });
        expect(JSON.stringify(res.json)).not.toContain('王小');
      }
    });

    it('audits each hit as a read of the fields tested, before answering', async () => {
      await searchAs('volunteerV1', 'wxm');
      const audit = await post(server, `{ auditEvents(first: 100, filter: { entityId: ${JSON.stringify(h.wangxiaoming.id)} }) { nodes { actorId action fields purpose } } }`, { token: tokens['admin'] });
      const events = (audit.json?.data as { auditEvents: { nodes: Array<{ actorId: string; action: string; fields: string[] }> } }).auditEvents.nodes;
      expect(events).toContainEqual(
        expect.objectContaining({ actorId: 'test-vol-v1', action: 'READ_SENSITIVE', fields: expect.arrayContaining(['searchHouseholds:Household.head.name', 'searchHouseholds:Household.head.phone']) }),
      );
      const volunteers = events.filter((e) => e.actorId === 'test-vol-v1');
      expect(volunteers.flatMap((e) => e.fields)).not.toContain('searchHouseholds:Household.householdCode');
    });
  });

  describe('input', () => {
    it.each(['"王 OR *"', ')(', '\\', 'head.name:*', '王~2'])('answers the hostile query %j without an error', async (q) => {
      expect(hitsOf(await searchAs('admin', q)).nodes).toEqual([]);
    });

    it('refuses an empty query and a foreign cursor as BAD_USER_INPUT at the argument', async () => {
      expect(errorOf(await searchAs('admin', '   '))).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['query'] });
      expect(errorOf(await searchAs('admin', 'wang', { after: 'bm90LWEtY3Vyc29y' }))).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['after'] });
    });
  });

  describe('the directory', () => {
    it('finds 王泗镇 by "ws" without a token, and its village by its display name', async () => {
      const res = await post(server, DIRECTORY, { variables: { q: 'ws' } });
      expect(res.json?.errors).toBeUndefined();
      const hits = (res.json?.data as { searchDirectory: Array<{ kind: string; id: string; name: string; node: { id: string } | null }> }).searchDirectory;
      expect(hits[0]).toEqual({ kind: 'TOWNSHIP', id: world.townships.t1.id, name: '王泗镇', node: { id: world.townships.t1.id } });
      const village = await post(server, DIRECTORY, { variables: { q: '金星', kinds: ['VILLAGE'] } });
      expect((village.json?.data as { searchDirectory: unknown[] }).searchDirectory).toEqual([
        { kind: 'VILLAGE', id: world.villages.v1.id, name: '金星村', node: { id: world.villages.v1.id } },
      ]);
    });

    it('shows people only to a signed-in viewer, and never a household', async () => {
      const anonymous = await post(server, DIRECTORY, { variables: { q: '王' } });
      const anonymousKinds = (anonymous.json?.data as { searchDirectory: Array<{ kind: string }> }).searchDirectory.map((x) => x.kind);
      expect(anonymousKinds).not.toContain('PERSON');
      const asked = await post(server, DIRECTORY, { variables: { q: '王', kinds: ['PERSON'] } });
      expect(errorOf(asked)).toMatchObject({ code: 'UNAUTHENTICATED', fieldPath: ['kinds'] });

      const signedIn = await post(server, DIRECTORY, { token: tokens['designer'], variables: { q: '王', kinds: ['PERSON'] } });
      expect((signedIn.json?.data as { searchDirectory: Array<{ id: string }> }).searchDirectory.map((x) => x.id)).toEqual([world.liaison.id]);
      expect(signedIn.text).not.toContain('王小');
    });
  });
});
