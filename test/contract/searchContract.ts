/**
 * The search part of the GraphStore contract (GraphStore.searchHouseholds,
 * searchDirectory), run against every adapter like graphStoreContract.ts.
 * Expected results come from the fixture's records and the rule under test
 * (substring, pinyin, digits), never from an adapter's output.
 *
 * All names, phones and codes below are synthetic test data.
 */
import type { Household } from '../../src/domain/model';
import { MATCH_RANKS, type MatchRank, type SearchField } from '../../src/domain/matchRank';
import type { SearchCursor } from '../../src/domain/rankSearchHits';
import { searchQuery } from '../../src/domain/searchQuery';
import type { GraphStore, HouseholdSearchScope } from '../../src/store/GraphStore';
import { aHousehold, aPerson, aTownship, aVillage, anOrganization, aService } from '../support/builders';
import type { GraphStoreFactory } from './graphStoreContract';

const ALL_FIELDS: readonly SearchField[] = ['name', 'phone', 'code'];
const ANYWHERE: HouseholdSearchScope = { villageIds: null, townshipIds: null };

export function describeSearchContract(adapterName: string, factory: GraphStoreFactory): void {
  describe(`GraphStore search contract (${adapterName})`, () => {
    let store: GraphStore;
    let world: ReturnType<typeof searchWorld>;

    beforeAll(async () => {
      store = await factory.create();
    });
    afterAll(async () => {
      await factory.destroy(store);
    });
    beforeEach(async () => {
      await factory.reset(store);
      world = searchWorld();
      await store.upsertMany('Township', world.townships);
      await store.upsertMany('Village', world.villages);
      await store.upsertMany('Organization', world.organizations);
      await store.upsertMany('Service', world.services);
      await store.upsertMany('Person', world.people);
      await store.upsertMany('Household', Object.values(world.households));
    });

    /** [id, rank] of every hit, read page by page (checks pages neither repeat nor skip). */
    async function search(text: string, fields: readonly SearchField[] = ALL_FIELDS, scope = ANYWHERE, pageSize = 100): Promise<Array<[string, MatchRank]>> {
      const query = searchQuery(text);
      const out: Array<[string, MatchRank]> = [];
      let after: SearchCursor | null = null;
      for (let pages = 0; pages < 1000; pages += 1) {
        const page = await store.searchHouseholds(query, fields, scope, { first: pageSize, after });
        out.push(...page.hits.map((h): [string, MatchRank] => [h.item.id, h.rank]));
        const last = page.hits.at(-1);
        if (!page.hasNextPage || last === undefined) {
          expect(page.totalCount).toBe(out.length);
          expect(new Set(out.map(([id]) => id)).size).toBe(out.length);
          return out;
        }
        after = { rank: last.rank, id: last.item.id };
      }
      throw new Error('searchContract: more than 1000 pages');
    }

    /** The expected answer: the given households with their rank, in rank then id order. */
    function ranked(...entries: Array<[Household, MatchRank]>): Array<[string, MatchRank]> {
      return entries.map(([h, r]): [string, MatchRank] => [h.id, r]).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
    }
    const { EXACT, PREFIX, CONTAINS } = MATCH_RANKS;

    describe('households by the head\'s name in 汉字 (CJK substrings)', () => {
      it('finds two characters anywhere in a name, a name starting with them before names holding them', async () => {
        const h = world.households;
        expect(await search('小明')).toEqual(ranked([h.xiaomingwang, PREFIX], [h.wangxiaoming, CONTAINS], [h.zengxiaoming, CONTAINS], [h.laowang, CONTAINS], [h.wangxiaomingli, CONTAINS]));
      });

      it('finds one character at the start, middle or end of a name', async () => {
        const h = world.households;
        const holding = Object.values(h).filter((x) => x.head.name.includes('明'));
        expect(holding.length).toBeGreaterThan(3);
        expect((await search('明')).map(([id]) => id).sort()).toEqual(holding.map((x) => x.id).sort());
      });

      it('ranks the exact name first, then names it starts, then names holding it', async () => {
        const h = world.households;
        expect(await search('王小明')).toEqual(ranked([h.wangxiaoming, EXACT], [h.wangxiaomingli, PREFIX], [h.laowang, CONTAINS]));
      });

      it('ignores spaces typed between characters', async () => {
        expect(await search('王 小明')).toEqual(await search('王小明'));
      });

      it('finds 汉字 typed together with digits (户主-00001) by both', async () => {
        const h = world.households;
        expect(await search('户主')).toEqual(ranked([h.numbered, PREFIX], [h.numberedToo, PREFIX]));
        expect(await search('户主-00001')).toEqual(ranked([h.numbered, PREFIX]));
        expect(await search('主-0000456')).toEqual(ranked([h.numberedToo, CONTAINS]));
      });

      it('finds nothing for characters no name holds in that order', async () => {
        expect(await search('明小')).toEqual([]);
      });
    });

    describe('households by pinyin', () => {
      it('finds 王泗 by full pinyin "wangsi" and initials "ws" as exact matches', async () => {
        const h = world.households;
        expect((await search('wangsi')).slice(0, 1)).toEqual([[h.wangsi.id, EXACT]]);
        expect(await search('ws')).toEqual(ranked([h.wangsi, EXACT]));
      });

      it('finds 王小明 by "wangxiaoming", "wxm" (exact), "wang xiao" and "wangx" (prefix)', async () => {
        const h = world.households;
        expect(await search('wangxiaoming')).toContainEqual([h.wangxiaoming.id, EXACT]);
        expect(await search('wxm')).toContainEqual([h.wangxiaoming.id, EXACT]);
        expect(await search('wang xiao')).toContainEqual([h.wangxiaoming.id, PREFIX]);
        expect(await search('wangx')).toContainEqual([h.wangxiaoming.id, PREFIX]);
      });

      it('matches later syllables only at a syllable start ("xiaoming" yes, "angxiao" no)', async () => {
        const h = world.households;
        expect(await search('xiaoming')).toEqual(ranked([h.xiaomingwang, PREFIX], [h.wangxiaoming, CONTAINS], [h.zengxiaoming, CONTAINS], [h.laowang, CONTAINS], [h.wangxiaomingli, CONTAINS]));
        expect(await search('angxiao')).toEqual([]);
      });

      it('reads a surname as a surname (曾 zeng) and keeps the common reading too (ceng)', async () => {
        const h = world.households;
        expect(await search('zengxiaoming')).toEqual(ranked([h.zengxiaoming, EXACT]));
        expect(await search('cengxiaoming')).toEqual(ranked([h.zengxiaoming, EXACT]));
      });
    });

    describe('households by phone and by household code', () => {
      it('finds a phone by its digits anywhere, however they are typed', async () => {
        const h = world.households;
        expect(await search('1380000')).toEqual(ranked([h.wangxiaoming, PREFIX]));
        expect(await search('0001 234', ['phone'])).toEqual(ranked([h.wangxiaoming, CONTAINS]));
        expect(await search('138-0000-1234')).toEqual(ranked([h.wangxiaoming, EXACT]));
        expect(await search('8888', ['phone'])).toEqual(ranked([h.xiaomingwang, CONTAINS]));
      });

      it('finds a household code whatever its case, exact before prefix', async () => {
        const h = world.households;
        expect(await search('syn-a-0001')).toEqual(ranked([h.wangxiaoming, EXACT]));
        expect(await search('SYN-A', ['code'])).toEqual(ranked([h.wangxiaoming, PREFIX], [h.wangsi, PREFIX]));
      });

      it('tests only the fields it is given: a code or a phone is no hit when only names may be read', async () => {
        expect(await search('SYN-A-0001', ['name'])).toEqual([]);
        expect(await search('13800001234', ['name', 'code'])).toEqual([]);
        expect(await search('小明', ['phone', 'code'])).toEqual([]);
      });
    });

    describe('scope and paging', () => {
      it('finds nothing outside the scope: a village, a township, or an empty scope', async () => {
        const h = world.households;
        const [a1] = world.villages;
        const inA1 = Object.values(h).filter((x) => x.villageId === a1.id && x.head.name.includes('小明'));
        expect(inA1.length).toBeGreaterThan(0);
        expect((await search('小明', ALL_FIELDS, { villageIds: [a1.id], townshipIds: null })).map(([id]) => id).sort()).toEqual(inA1.map((x) => x.id).sort());

        const townshipB = world.townships[1];
        const inB = Object.values(h).filter((x) => world.villages.find((v) => v.id === x.villageId)?.townshipId === townshipB.id && x.head.name.includes('小明'));
        expect(inB.length).toBeGreaterThan(0);
        expect((await search('小明', ALL_FIELDS, { villageIds: null, townshipIds: [townshipB.id] })).map(([id]) => id).sort()).toEqual(inB.map((x) => x.id).sort());

        expect(await search('小明', ALL_FIELDS, { villageIds: [], townshipIds: null })).toEqual([]);
      });

      it('pages through ranked hits with a (rank, id) cursor: same hits, same order, any page size', async () => {
        const whole = await search('明');
        expect(whole.length).toBeGreaterThan(3);
        expect(await search('明', ALL_FIELDS, ANYWHERE, 1)).toEqual(whole);
        expect(await search('明', ALL_FIELDS, ANYWHERE, 2)).toEqual(whole);
      });

      it('keeps the search current when a name changes after it was searched', async () => {
        const before = world.households.wangsi;
        // Searched once first, so an index built on first use must follow the write.
        expect(await search('wangsi')).toContainEqual([before.id, EXACT]);
        await store.update('Household', { ...before, head: { ...before.head, name: '赵六' }, version: before.version + 1 });
        expect(await search('wangsi')).not.toContainEqual([before.id, EXACT]);
        expect(await search('zhaoliu')).toEqual([[before.id, EXACT]]);
        expect(await search('赵六')).toEqual([[before.id, EXACT]]);
      });
    });

    describe('hostile queries', () => {
      // No name in the fixture holds these strings literally, so each must answer an empty list, not an error.
      it.each(['"王 OR *"', ')(', '\\', '王*', 'name:王', '*', '"', 'AND', '王~', '[王 TO 李]', '王^2', '王 -李'])('answers %j as literal text: no error, no hit', async (text) => {
        expect(Object.values(world.households).some((h) => h.head.name.includes(text))).toBe(false);
        expect(await search(text)).toEqual([]);
      });

      it('matches Lucene syntax characters in a name as themselves', async () => {
        expect(await search(')-(测试')).toEqual(ranked([world.households.brackets, CONTAINS]));
      });
    });

    describe('the directory', () => {
      it('finds 王泗镇 by 汉字, by full pinyin and by initials', async () => {
        const township = world.townships[0];
        for (const text of ['王泗', 'wangsi', 'ws']) {
          const hits = await store.searchDirectory(searchQuery(text), ['Township', 'Village', 'Organization', 'Service', 'Person'], 20);
          expect(hits[0]).toEqual({ kind: 'Township', id: township.id, name: township.name, rank: PREFIX });
        }
      });

      it('returns only the kinds asked for, ranked, at most `limit`, with the name a user reads', async () => {
        const village = world.villages[0];
        const hits = await store.searchDirectory(searchQuery('金龙'), ['Village'], 20);
        expect(hits).toEqual([{ kind: 'Village', id: village.id, name: village.displayName, rank: PREFIX }]);
        const people = await store.searchDirectory(searchQuery('联络'), ['Person'], 2);
        expect(people).toHaveLength(2);
        expect(people.every((p) => p.kind === 'Person')).toBe(true);
        expect(people.map((p) => p.id)).toEqual([...world.people].map((p) => p.id).sort().slice(0, 2));
        expect(await store.searchDirectory(searchQuery('金龙'), ['Person', 'Service'], 20)).toEqual([]);
      });

      it('never returns a household', async () => {
        const hits = await store.searchDirectory(searchQuery('小明'), ['Township', 'Village', 'Organization', 'Service', 'Person'], 100);
        expect(hits).toEqual([]);
      });
    });
  });
}

// -- the fixture -------------------------------------------------------------------

function searchWorld() {
  const townshipA = aTownship({ name: '王泗镇' });
  const townshipB = aTownship({ name: '测试街道（synthetic）' });
  const a1 = aVillage({ townshipId: townshipA.id, name: '金龙村村委会', displayName: '金龙村' });
  const a2 = aVillage({ townshipId: townshipA.id });
  const b1 = aVillage({ townshipId: townshipB.id });
  const head = (name: string, phone: string | null = null) => ({ name, phone, idNumber: null });
  const households = {
    wangxiaoming: aHousehold({ villageId: a1.id, head: head('王小明', '138-0000-1234'), householdCode: 'SYN-A-0001' }),
    wangsi: aHousehold({ villageId: a2.id, head: head('王泗'), householdCode: 'SYN-A-0002' }),
    xiaomingwang: aHousehold({ villageId: a1.id, head: head('小明王', '028-8888 1235') }),
    liming: aHousehold({ villageId: b1.id, head: head('李明', '13900005678'), householdCode: 'SYN-B-0001' }),
    zengxiaoming: aHousehold({ villageId: b1.id, head: head('曾小明') }),
    wangxiaomingli: aHousehold({ villageId: a2.id, head: head('王小明丽') }),
    laowang: aHousehold({ villageId: b1.id, head: head('老王小明') }),
    brackets: aHousehold({ villageId: a2.id, head: head('括号)-(测试户') }),
    numbered: aHousehold({ villageId: a2.id, head: head('户主-0000123') }),
    numberedToo: aHousehold({ villageId: b1.id, head: head('户主-0000456') }),
  };
  // Named after the township: the township's shorter name must come first among prefix matches.
  const organization = anOrganization({ name: '王泗镇测试社工站（synthetic）' });
  const services = [aService({ organizationId: organization.id, name: '测试服务（synthetic）' })];
  const people = [aPerson({ name: '联络人甲（synthetic）' }), aPerson({ name: '联络人乙（synthetic）' }), aPerson({ name: '联络人丙（synthetic）' })];
  return { townships: [townshipA, townshipB] as const, villages: [a1, a2, b1] as const, households, organizations: [organization], services, people };
}
