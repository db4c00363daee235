import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config/config';
import { searchQuery } from '../../src/domain/searchQuery';
import type { GraphStore } from '../../src/store/GraphStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { aHousehold, aTownship, aVillage } from '../support/builders';
import { describeNeo4j } from '../support/describeNeo4j';
import { asNeo4jStore as asNeo4jStoreOf, neo4jTestStoreOptions } from '../support/neo4jTestStore';
import { describeSearchContract } from './searchContract';

/**
 * The search contract against a real Neo4j (full-text indexes with the CJK
 * analyzer, pinyin tokens, text indexes), and the start-up backfill that gives
 * records written without search keys their keys. Runs when NEO4J_URI is set.
 */
const config = loadConfig();

describeNeo4j('Neo4j search', (uri) => {
  const options = neo4jTestStoreOptions(uri);
  const asNeo4jStore = (store: GraphStore): Neo4jStore => asNeo4jStoreOf(store, 'neo4jSearch.contract');

  describeSearchContract(`neo4j at ${uri}`, {
    async create() {
      const store = new Neo4jStore(options);
      await store.init();
      return store;
    },
    reset: (store) => asNeo4jStore(store).deleteAllForTests(),
    destroy: (store) => store.close(),
  });

  describe('the start-up backfill of search keys', () => {
    let store: Neo4jStore;
    let driver: Driver;
    beforeAll(async () => {
      store = new Neo4jStore(options);
      await store.init();
      driver = neo4j.driver(uri, config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined);
    });
    afterAll(async () => {
      await store.close();
      await driver.close();
    });

    it('gives records written without search keys their keys at init, once', async () => {
      await store.deleteAllForTests();
      const township = aTownship({ name: '王泗镇' });
      const village = aVillage({ townshipId: township.id });
      const household = aHousehold({ villageId: village.id, head: { name: '王小明（synthetic）', phone: null, idNumber: null } });
      await store.upsertMany('Township', [township]);
      await store.upsertMany('Village', [village]);
      await store.upsertMany('Household', [household]);
      // As if written before search existed.
      await driver.executeQuery(
        'MATCH (n) WHERE n:Household OR n:Stakeholder REMOVE n.searchName, n.searchPinyin, n.searchPinyinWhole, n.searchPhone, n.searchCode, n.searchKeysVersion',
        {},
        { database: config.NEO4J_DATABASE },
      );
      const scope = { villageIds: null, townshipIds: null };
      const find = () => store.searchHouseholds(searchQuery('wxm'), ['name'], scope, { first: 10, after: null });
      expect((await find()).hits).toEqual([]);

      await store.init();

      expect(store.lastSearchBackfill?.records).toBe(3);
      expect((await find()).hits.map((h) => h.item.id)).toEqual([household.id]);
      expect((await store.searchDirectory(searchQuery('ws'), ['Township'], 5)).map((h) => h.id)).toEqual([township.id]);
      await store.init();
      expect(store.lastSearchBackfill?.records).toBe(0);
    });
  });
});
